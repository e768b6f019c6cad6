// Honest empty state for modules that later versions fill in.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function PlaceholderPage({ navKey }: { navKey: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('placeholder.title', { name: t(`nav.${navKey}`) })}
      subTitle={t('placeholder.hint')}
    />
  );
}
