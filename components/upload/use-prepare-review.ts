"use client";

import { useEffect } from "react";
import { MAX_DATA_ROWS } from "@/lib/spreadsheet/limits";
import { mapColumns, type ColumnMapping, type RememberedMapping } from "@/lib/spreadsheet/map-columns";
import type { DateChoices } from "@/lib/upload-wizard/date-formats";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// Validation starts while the operator is still looking at the header row and the columns: the
// worker checks the rows for what is on screen (the detected header, the proposed or chosen
// mapping), so the review is ready when they confirm. A different choice simply starts over.
export function usePrepareReview(
  client: UploadWorkerClient | null,
  state: WizardState,
  campaign: WizardCampaign,
  remembered: RememberedMapping | null,
  dates: DateChoices | null,
) {
  const header = state.step === "header" ? state : null;
  const map = state.step === "map" ? state : null;

  useEffect(() => {
    if (!client || !header || header.preview.rowCount - header.headerRow - 1 > MAX_DATA_ROWS) return;
    const headers = (header.preview.rows[header.headerRow] ?? []).map((h) => h.trim());
    const { mapping } = mapColumns(headers, campaign.schema.fields, remembered ?? undefined);
    prepare(client, header.headerRow, mapping, campaign, {});
    // Only what the validation depends on re-runs it, not every render of the step.
  }, [client, header?.preview, header?.headerRow]);

  useEffect(() => {
    // Until the date columns are read, what to convert them with is unknown.
    if (!client || !map || dates === null) return;
    // Choices come in bursts; prepare for the one the operator settles on.
    const timer = setTimeout(() => prepare(client, map.headerRow, map.mapping, campaign, dates), 300);
    return () => clearTimeout(timer);
  }, [client, map?.mapping, JSON.stringify(dates)]);
}

function prepare(client: UploadWorkerClient, headerRow: number, mapping: ColumnMapping, campaign: WizardCampaign, dates: DateChoices) {
  const { schema, policy, duplicatesBy } = campaign;
  void client.call("prepare", { headerRow, mapping, schema, policy, duplicatesBy, dates }).catch(() => {});
}
