import { NativeSelect } from "@/components/ui/select";
import { SCHEDULE_LABELS, SCHEDULES } from "@/lib/report-catalog";

/** The `schedule` field of a report definition: not scheduled, or one of the schedules MANGOPAY's periods allow. */
export function ScheduleSelect({ id, defaultValue }: { id: string; defaultValue: string }) {
  return (
    <NativeSelect id={id} name="schedule" defaultValue={defaultValue}>
      <option value="">Not scheduled</option>
      {SCHEDULES.map((s) => (
        <option key={s} value={s}>
          {SCHEDULE_LABELS[s]}
        </option>
      ))}
    </NativeSelect>
  );
}
