"use client";

import { useEffect, useMemo, useState } from "react";
import type { RememberedMapping } from "@/lib/spreadsheet/map-columns";
import type { NumberFormat, NumberFormatGuess } from "@/lib/records/number-text";
import { NUMBER_FALLBACK, valueChoicesOf } from "@/lib/upload-wizard/cell-choices";
import type { EnumColumn, ValueMappings } from "@/lib/upload-wizard/value-mapping";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// What the mapped file holds beyond the columns: the values outside each enum field's values (the
// worker reads every row) with the operator's choice for each, and how the file writes numbers,
// detected, with the operator's override. The review applies both in the worker before validating.

export type NumberColumns = NumberFormatGuess & { fields: string[] };

export type ValueColumnsState = {
  /** Null until the worker has read the mapped columns. */
  enums: EnumColumn[] | null;
  numbers: NumberColumns | null;
  /** The choices the review applies: the operator's over the remembered and exact ones. */
  choices: ValueMappings;
  /** How numbers are read: the override, else the detected format; null when no number field is mapped. */
  numberFormat: NumberFormat | null;
  /** `to` null: leave the value as it is. */
  choose: (field: string, key: string, to: string | null) => void;
  chooseNumbers: (format: NumberFormat) => void;
  /** A resumed draft's choices: they stand instead of the offered ones for the fields they cover. */
  restore: (values: ValueMappings, numbers: NumberFormat | null) => void;
};

/** Only a campaign's remembered values shape what is offered; the columns are the map step's. */
export function useValueColumns(
  client: UploadWorkerClient | null,
  state: WizardState,
  campaign: WizardCampaign,
  remembered: RememberedMapping | null,
): ValueColumnsState {
  // Back from a resumed review lands on the value step without passing the columns: it reads them too.
  const map = state.step === "map" || state.step === "values" ? state : null;
  const [found, setFound] = useState<{ enums: EnumColumn[]; numbers: NumberColumns | null } | null>(null);
  const [overrides, setOverrides] = useState<Record<string, Record<string, string | null>>>({});
  const [numberOverride, setNumberOverride] = useState<NumberFormat | null>(null);
  const [restored, setRestored] = useState<ValueMappings | null>(null);

  useEffect(() => {
    if (!client || !map) return;
    let current = true;
    setFound(null);
    void client
      .call("valueColumns", { headerRow: map.headerRow, mapping: map.mapping, schema: campaign.schema, fallback: NUMBER_FALLBACK })
      .then((answer) => current && setFound(answer))
      .catch(() => current && setFound({ enums: [], numbers: null }));
    return () => {
      current = false;
    };
  }, [client, map?.mapping, map?.headerRow]);

  // Another file or header: earlier choices were about other values.
  useEffect(() => {
    if (state.step === "upload" || state.step === "header") {
      setOverrides({});
      setNumberOverride(null);
      setRestored(null);
    }
  }, [state.step]);

  return useMemo(() => {
    const enums = found?.enums ?? null;
    const choices = valueChoicesOf(enums ?? [], remembered?.values, restored, overrides);
    const numbers = found?.numbers ?? null;
    return {
      enums,
      numbers,
      choices,
      numberFormat: numbers ? (numberOverride ?? numbers.format) : null,
      choose: (field, key, to) => setOverrides((o) => ({ ...o, [field]: { ...o[field], [key]: to } })),
      chooseNumbers: setNumberOverride,
      restore: (values, numbers) => {
        setRestored(values);
        setOverrides({});
        setNumberOverride(numbers);
      },
    };
  }, [found, overrides, numberOverride, restored, remembered]);
}
