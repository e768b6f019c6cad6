// Settings → 人员与企业: the people behind the per-capita figures (headcounts per site and year) and,
// for parks, the enterprises with their yearly value added and water quota. A site filter narrows
// both tables; the import takes either from a spreadsheet. Without any site there is nothing to
// attach people to, so the tab says where to create one instead of showing empty tables.
import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { EnterprisesCard } from './EnterprisesCard';
import { HeadcountsCard } from './HeadcountsCard';
import type { Weights } from './headcountMath';
import { PeopleImportModal } from './PeopleImportModal';

interface Loaded {
  sites: Place[];
  weights: Weights;
}

export function PeopleTab() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after an import so both tables reload.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    Promise.all([api.call('places.list', { parentId: null }), api.call('settings.get', {})]).then(
      ([places, settings]) =>
        setLoaded({
          sites: places.items.filter((p) => p.kind === 'site'),
          weights: settings.standardPersonWeights,
        }),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!loaded) return <Spin />;
  if (loaded.sites.length === 0) {
    return (
      <Empty description={t('people.noSites')} data-testid="people-no-sites">
        <Link to="/places">
          <Button type="primary">{t('people.goPlaces')}</Button>
        </Link>
      </Empty>
    );
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('people.site')}
          value={siteId ?? ''}
          onChange={(v: string) => setSiteId(v || null)}
          options={[
            { value: '', label: t('people.allSites') },
            ...loaded.sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
          style={{ minWidth: 220 }}
          data-testid="people-site"
        />
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
          {t('people.import.open')}
        </Button>
      </Space>
      <HeadcountsCard
        sites={loaded.sites}
        siteId={siteId}
        weights={loaded.weights}
        version={version}
      />
      <EnterprisesCard sites={loaded.sites} siteId={siteId} version={version} />
      <PeopleImportModal
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) setVersion((v) => v + 1);
        }}
      />
    </Space>
  );
}
