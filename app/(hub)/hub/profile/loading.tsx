import { PageSkeleton } from "@/components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading your profile" title="w-48" blocks={["h-36", "h-36", "h-36", "h-36"]} />;
}
