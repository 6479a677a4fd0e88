"use client";

import { useEffect, useMemo, useState } from "react";
import { dateChoicesOf, writesDayFirst } from "@/lib/upload-wizard/cell-choices";
import type { DateChoices, DateColumn, DateFormat } from "@/lib/upload-wizard/date-formats";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// The date columns of the mapped file: how each is written (the worker reads every value), the
// operator's overrides, and the formats the review converts with. An ambiguous column (every day
// 12 or less) has no format until the operator picks one, and the review waits for it.

export type DateColumnsState = {
  columns: DateColumn[] | null;
  choices: DateChoices;
  /** Fields of ambiguous columns still waiting for the operator's choice. */
  unanswered: string[];
  choose: (field: string, format: DateFormat) => void;
  /** A resumed draft's formats: they stand as the operator's choices, so back to the columns shows them. */
  restore: (dates: DateChoices) => void;
};

export function useDateColumns(client: UploadWorkerClient | null, state: WizardState, campaign: WizardCampaign): DateColumnsState {
  const map = state.step === "map" ? state : null;
  const [columns, setColumns] = useState<DateColumn[] | null>(null);
  const [overrides, setOverrides] = useState<DateChoices>({});
  const dayFirst = writesDayFirst(campaign.policy.defaultCountry);

  useEffect(() => {
    if (!client || !map) return;
    let current = true;
    void client
      .call("dateColumns", { headerRow: map.headerRow, mapping: map.mapping, schema: campaign.schema, dayFirst })
      .then((answer) => current && setColumns(answer.columns))
      .catch(() => current && setColumns([]));
    return () => {
      current = false;
    };
  }, [client, map?.mapping, map?.headerRow, map?.columns]);

  // Another file or header: earlier answers were about other columns.
  useEffect(() => {
    if (state.step === "upload" || state.step === "header") setOverrides({});
  }, [state.step]);

  return useMemo(() => {
    const { choices, unanswered } = dateChoicesOf(columns ?? [], overrides);
    return {
      columns,
      choices,
      unanswered,
      choose: (field, format) => setOverrides((o) => ({ ...o, [field]: format })),
      restore: (dates) => setOverrides({ ...dates }),
    };
  }, [columns, overrides]);
}
