// The entry of one round, meter by meter: Enter checks the typed value against the expected range
// and saves it at once when it is plausible; a value outside the range, or one below the last
// reading (a negative delta, which would go to the review queue), waits for a second Enter or Esc.
// Each row's state lives here so the list can count progress and move focus to the next meter.
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../../../shared/contract';
import { DeskError } from '../../../../../shared/contract/errors';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { parseValue } from './roundFormat';
import type { Round, RoundMeter } from './useRound';

export type Check = ResultOf<'meters.checkReading'>;
type IntervalKind = NonNullable<ResultOf<'meters.addReading'>['interval']>['kind'];

export interface SavedReading {
  value: number;
  estimated: boolean;
  /** null: not known (saved before this screen opened) or waiting in the review queue. */
  amount: number | null;
  kind: IntervalKind | null;
  /** The interval went to the review queue (a negative delta). */
  review: boolean;
  /** Already stored at this instant when the round was opened. */
  earlier: boolean;
}

export type RowState =
  | { step: 'idle'; error?: string }
  | { step: 'busy' }
  | { step: 'confirm'; value: number; estimated: boolean; check: Check }
  | { step: 'saved'; reading: SavedReading };

/** Rows whose meter already has a reading at the round's instant start as saved. */
function initialStates(round: Round): Record<string, RowState> {
  const out: Record<string, RowState> = {};
  for (const m of round.items) {
    if (m.existing) {
      const { value, estimated } = m.existing;
      out[m.meterId] = {
        step: 'saved',
        reading: { value, estimated, amount: null, kind: null, review: false, earlier: true },
      };
    }
  }
  return out;
}

/** A refusal in the reader's words: a duplicate reading names the value already stored. */
function failure(t: TFunction, error: unknown): string {
  if (error instanceof DeskError && error.code === 'CONFLICT') {
    const details = error.details as { reason?: string; value?: number } | undefined;
    if (details?.reason === 'DUPLICATE_READING') {
      return t('meterRound.errors.duplicate', { value: details.value });
    }
  }
  return errorText(t, error);
}

/**
 * `focus` is told the meter to read next (the next unread one after, wrapping round to those
 * skipped), or null when every meter of the round is read.
 */
export function useRoundEntry(round: Round, focus: (meterId: string | null) => void) {
  const { t } = useTranslation();
  const [states, setStates] = useState<Record<string, RowState>>(() => initialStates(round));
  // The async steps read the latest state here, not the one their closure saw.
  const latest = useRef(states);
  const setRow = useCallback((meterId: string, state: RowState) => {
    latest.current = { ...latest.current, [meterId]: state };
    setStates(latest.current);
  }, []);

  const focusAfter = useCallback(
    (meterId: string) => {
      const items = round.items;
      const from = items.findIndex((m) => m.meterId === meterId);
      for (let k = 1; k <= items.length; k++) {
        const next = items[(from + k) % items.length];
        if (next && latest.current[next.meterId]?.step !== 'saved') return focus(next.meterId);
      }
      focus(null);
    },
    [round.items, focus],
  );

  const save = useCallback(
    async (meter: RoundMeter, value: number, estimated: boolean) => {
      setRow(meter.meterId, { step: 'busy' });
      try {
        const saved = await api.call('meters.addReading', {
          meterId: meter.meterId,
          at: round.at,
          value,
          estimated,
          source: 'manual',
        });
        const interval = saved.interval;
        setRow(meter.meterId, {
          step: 'saved',
          reading: {
            value: saved.value,
            estimated: saved.estimated,
            amount: interval?.amount ?? null,
            kind: interval?.kind ?? null,
            review: interval?.kind === 'review',
            earlier: false,
          },
        });
        focusAfter(meter.meterId);
      } catch (error) {
        setRow(meter.meterId, { step: 'idle', error: failure(t, error) });
      }
    },
    [round.at, setRow, focusAfter, t],
  );

  /** Enter in a row's value input. */
  const submit = useCallback(
    async (meter: RoundMeter, text: string, estimated: boolean) => {
      const state = latest.current[meter.meterId] ?? { step: 'idle' };
      if (state.step === 'busy' || state.step === 'saved') return;
      if (text.trim() === '') {
        // An empty Enter skips a meter the reader could not get to; it stays unread.
        setRow(meter.meterId, { step: 'idle' });
        focusAfter(meter.meterId);
        return;
      }
      const value = parseValue(text);
      if (value === null) {
        setRow(meter.meterId, { step: 'idle', error: t('meterRound.errors.notNumber') });
        return;
      }
      if (state.step === 'confirm' && state.value === value && state.estimated === estimated) {
        await save(meter, value, estimated);
        return;
      }
      setRow(meter.meterId, { step: 'busy' });
      try {
        const check = await api.call('meters.checkReading', {
          meterId: meter.meterId,
          at: round.at,
          value,
          estimated,
        });
        if (check.existing) {
          const error = t('meterRound.errors.duplicate', { value: check.existing.value });
          setRow(meter.meterId, { step: 'idle', error });
        } else if (check.outside || check.kind === 'review') {
          setRow(meter.meterId, { step: 'confirm', value, estimated, check });
        } else {
          await save(meter, value, estimated);
        }
      } catch (error) {
        setRow(meter.meterId, { step: 'idle', error: failure(t, error) });
      }
    },
    [round.at, save, setRow, focusAfter, t],
  );

  /** Esc: back from a warning (or an error) to fixing the value. */
  const cancel = useCallback(
    (meterId: string) => {
      const state = latest.current[meterId];
      if (state?.step === 'confirm' || (state?.step === 'idle' && state.error)) {
        setRow(meterId, { step: 'idle' });
      }
    },
    [setRow],
  );

  /** Typing after a warning or an error starts over: the next Enter checks the new value. */
  const edited = useCallback(
    (meterId: string) => {
      const state = latest.current[meterId];
      if (state?.step === 'confirm' || (state?.step === 'idle' && state.error)) {
        setRow(meterId, { step: 'idle' });
      }
    },
    [setRow],
  );

  const done = useMemo(
    () => Object.values(states).filter((s) => s.step === 'saved').length,
    [states],
  );
  return { states, submit, cancel, edited, done };
}
