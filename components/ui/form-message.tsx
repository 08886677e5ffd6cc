import { cn } from "@/lib/cn";

/** The first message for `name` from an action's fieldErrors, linked to its input by id. */
export function FieldError({ id, errors, name }: { id?: string; errors?: Record<string, string[]>; name: string }) {
  const message = errors?.[name]?.[0];
  if (!message) return null;
  return (
    <p id={id ?? `${name}-error`} className="text-xs text-red-700">
      {message}
    </p>
  );
}

/** The form-level outcome of an action (errors are announced as alerts), or a notice above a form. */
export function FormAlert({
  tone = "error",
  children,
  className,
  ...props
}: { tone?: "error" | "success" | "info"; children: React.ReactNode } & React.HTMLAttributes<HTMLDivElement>) {
  const styles = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-blue-200 bg-blue-50 text-blue-800",
  }[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", styles, className)}
      {...props}
    >
      {children}
    </div>
  );
}
