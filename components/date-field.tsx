import { Input, Label } from "@/components/ui/input";
import { cn } from "@/lib/cn";

/** A labelled date input whose error (or hint) is announced beside it and tied to it for screen readers. */
export function DateField({
  id,
  name,
  label,
  value,
  min,
  max,
  error,
  hint,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  min?: string;
  max?: string;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const message = error ?? hint;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        name={name}
        defaultValue={value ?? ""}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? `${id}-msg` : undefined}
      />
      {message ? (
        <p
          id={`${id}-msg`}
          className={cn("mt-1 text-xs", error ? "text-red-700" : "text-slate-500")}
          role={error ? "alert" : undefined}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
