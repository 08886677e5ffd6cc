import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the transaction" title="w-72" blocks={["h-48", "h-32"]} />;
}
