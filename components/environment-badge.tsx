import { Badge } from "@/components/ui/badge";

/** Production is shown unmistakably: red, labelled, everywhere an account appears. */
export function EnvironmentBadge({
  environment,
  className,
}: {
  environment: "SANDBOX" | "PRODUCTION";
  className?: string;
}) {
  return environment === "PRODUCTION" ? (
    <Badge variant="production" className={className} data-environment="production">
      ● Production
    </Badge>
  ) : (
    <Badge variant="warning" className={className} data-environment="sandbox">
      Sandbox
    </Badge>
  );
}
