"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createReport } from "@/lib/services/reports/create";
import { rerunReport } from "@/lib/services/reports/rerun";
import { runReport } from "@/lib/services/reports/run";
import { CreateReportInput, RerunReportInput, RunReportInput, SetScheduleInput } from "@/lib/services/reports/schemas";
import { setReportSchedule } from "@/lib/services/reports/set-schedule";

const refresh = <T>(accountId: string, value: T): T => {
  revalidatePath(`/accounts/${accountId}/reports`, "layout");
  return value;
};

export const createReportAction = accountAction("reporting.create", CreateReportInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createReport({ ctx, input })),
);

export const runReportAction = accountAction("reporting.create", RunReportInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await runReport({ ctx, input })),
);

export const rerunReportAction = accountAction("reporting.create", RerunReportInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await rerunReport({ ctx, input })),
);

export const setReportScheduleAction = accountAction("reporting.edit", SetScheduleInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await setReportSchedule({ ctx, input })),
);
