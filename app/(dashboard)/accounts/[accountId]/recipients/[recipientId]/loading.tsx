import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the recipient" title="w-72" blocks={["h-40", "h-32"]} />;
}
