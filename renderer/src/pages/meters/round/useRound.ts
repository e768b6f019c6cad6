// Loads the round of a place (its meters with the last reading and the expected range) for the
// chosen reading time, and keeps that time in the site's zone: the zone is known only once the
// round answers, so a time still at its default ("now") is re-expressed in it, keeping the instant.
import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../../../shared/contract';
import type { Utility } from '../../../../../shared/contract/assets';
import { api } from '../../../api/client';
import { browserZone, nowWall, rezone, wallToInstant } from './roundFormat';

export type Round = ResultOf<'meters.round'>;
export type RoundMeter = Round['items'][number];

export interface RoundClock {
  /** Wall time 'YYYY-MM-DDTHH:mm' in `zone`. */
  wall: string;
  zone: string;
  /** Set once the person changes the time; until then it follows "now" into the site's zone. */
  edited: boolean;
}

export function useRoundClock() {
  const [clock, setClock] = useState<RoundClock>(() => {
    const zone = browserZone();
    return { wall: nowWall(zone), zone, edited: false };
  });
  const setWall = useCallback(
    (wall: string) => setClock((c) => ({ ...c, wall, edited: true })),
    [],
  );
  const adoptZone = useCallback(
    (zone: string) =>
      setClock((c) =>
        c.zone === zone
          ? c
          : { wall: c.edited ? c.wall : rezone(c.wall, c.zone, zone), zone, edited: c.edited },
      ),
    [],
  );
  return { clock, at: wallToInstant(clock.wall, clock.zone), setWall, adoptZone };
}

export interface RoundState {
  round: Round | null;
  /** Which (place, utility, time) `round` answers, so a new one remounts the list. */
  query: string;
  loading: boolean;
  error: unknown;
}

/** The round for (place, utility, at); answers to an older request are dropped. */
export function useRound(
  placeId: string | null,
  utility: Utility | null,
  at: string | null,
  onZone: (zone: string) => void,
): RoundState {
  const [state, setState] = useState<RoundState>({
    round: null,
    query: '',
    loading: false,
    error: null,
  });
  useEffect(() => {
    if (!placeId || !at) {
      setState({ round: null, query: '', loading: false, error: null });
      return;
    }
    const query = `${placeId}|${utility ?? ''}|${at}`;
    let live = true;
    // The rows of the previous building or time go at once: typing into them would save readings
    // at the wrong place or instant.
    setState({ round: null, query, loading: true, error: null });
    api
      .call('meters.round', { placeId, at, ...(utility ? { utility } : {}) })
      .then((round) => {
        if (!live) return;
        setState({ round, query, loading: false, error: null });
        onZone(round.timeZone);
      })
      .catch((error: unknown) => live && setState({ round: null, query, loading: false, error }));
    return () => {
      live = false;
    };
  }, [placeId, utility, at, onZone]);
  return state;
}
