// Audit entries in the UI language: object types, actions, field names and values. Field names come
// from the pages that own them (places.fields, assets.fields), so the audit view says "额定功率(W)"
// exactly as the Assets page does; audit.fields covers the bookkeeping fields only a snapshot shows.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditChange } from '../../../../shared/contract/audit';
import { useLabel } from '../../labels';
import { formatField, type KindField } from '../assets/assetFields';

export interface AuditText {
  entity(entity: string): string;
  action(action: AuditAction): string;
  field(entity: string, field: string): string;
  value(entity: string, field: string, value: unknown): string;
  /** One line of changes; a creation shows new values, a deletion old ones. */
  changes(
    entity: string,
    action: AuditAction,
    changes: readonly AuditChange[],
    max?: number,
  ): string;
}

const EMPTY = '—';
const assetCoded = new Set(['kind', 'status']);
const bookkeeping = new Set(['id', 'placeId', 'createdAt', 'updatedAt']);

export function useAuditText(): AuditText {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  return useMemo(() => {
    const field = (entity: string, name: string) => {
      // A snapshot calls an asset's place placeName; its history and this view say "place".
      const key = name === 'placeName' ? 'place' : name;
      const owner = entity === 'place' ? 'places' : entity === 'asset' ? 'assets' : 'audit';
      const keys = [`${owner}.fields.${key}`, `audit.fields.${key}`];
      // The Assets page labels placeId "位置" too; beside placeName a snapshot needs them apart.
      if (bookkeeping.has(key)) keys.reverse();
      return t(keys, { defaultValue: name });
    };
    const value = (entity: string, name: string, v: unknown): string => {
      if (v === null || v === undefined || v === '') return EMPTY;
      if ((name === 'createdAt' || name === 'updatedAt') && typeof v === 'string') {
        return new Date(v).toLocaleString(i18n.language);
      }
      if (entity === 'place' && (name === 'kind' || name === 'use') && typeof v === 'string') {
        return t(`${name === 'kind' ? 'kinds' : 'uses'}.${v}`, { defaultValue: v });
      }
      if (entity === 'asset') {
        if (assetCoded.has(name) && typeof v === 'string') {
          return label(name as 'kind' | 'status', v);
        }
        // Weekday lists read as labels; custom fields (an object) fall through to JSON.
        if (typeof v !== 'object' || Array.isArray(v)) {
          return formatField(name as KindField, v, label);
        }
      }
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
    };
    const changes: AuditText['changes'] = (entity, action, list, max = Infinity) => {
      const parts = list.slice(0, max).map((c) => {
        const name = field(entity, c.field);
        if (action === 'create') return `${name}: ${value(entity, c.field, c.after)}`;
        if (action === 'delete') return `${name}: ${value(entity, c.field, c.before)}`;
        return `${name}: ${value(entity, c.field, c.before)} → ${value(entity, c.field, c.after)}`;
      });
      const more = list.length > max ? t('audit.more', { count: list.length - max }) : '';
      return parts.join(t('audit.separator')) + more;
    };
    return {
      entity: (entity) => t(`audit.entities.${entity}`, { defaultValue: entity }),
      action: (action) => t(`audit.actions.${action}`),
      field,
      value,
      changes,
    };
  }, [t, i18n.language, label]);
}
