import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the card validation" title="w-64" blocks={["h-48"]} />;
}
