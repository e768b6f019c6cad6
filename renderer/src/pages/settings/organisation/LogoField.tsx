// The logo as a form field: a small preview (the size it prints at on a work order), a button to
// choose a PNG/JPEG and one to remove it. The file is checked and turned into a data URL here;
// nothing is stored until the form is saved, so a wrong choice is undone by "discard changes".
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLogoBytes, readLogo } from './logoFile';

// About the height the logo prints at in a page header: what you see is what prints.
const boxStyle: CSSProperties = {
  width: 160,
  height: 56,
  border: '1px dashed #d9d9d9',
  borderRadius: 6,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 4,
  background: '#fafafa',
};
const imgStyle: CSSProperties = { maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' };

interface Props {
  /** Form.Item passes these in. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

export function LogoField({ value = null, onChange, id }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const limitKb = Math.floor(maxLogoBytes / 1024);

  const choose = async (file: File) => {
    setError(null);
    setReading(true);
    try {
      const result = await readLogo(file);
      if (result.ok) onChange?.(result.dataUrl);
      else {
        setError(
          t(`people.org.logoErrors.${result.reason}`, {
            name: file.name,
            size: Math.ceil(file.size / 1024),
            kb: limitKb,
          }),
        );
      }
    } finally {
      setReading(false);
    }
  };

  return (
    <Space orientation="vertical" size={4}>
      <Space align="center" size="middle">
        <div style={boxStyle} data-testid="org-logo">
          {value ? (
            <img src={value} alt={t('people.org.logo')} style={imgStyle} />
          ) : (
            <Typography.Text type="secondary">{t('people.org.logoNone')}</Typography.Text>
          )}
        </div>
        <Upload
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void choose(file);
            // false keeps antd from posting the file anywhere: it is stored through settings.update.
            return false;
          }}
        >
          <Button id={id} icon={<UploadOutlined />} loading={reading}>
            {value ? t('people.org.logoReplace') : t('people.org.logoUpload')}
          </Button>
        </Upload>
        {value && (
          <Button
            icon={<DeleteOutlined />}
            onClick={() => {
              setError(null);
              onChange?.(null);
            }}
          >
            {t('people.org.logoRemove')}
          </Button>
        )}
      </Space>
      {error ? (
        <Typography.Text type="danger" data-testid="org-logo-error">
          {error}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {t('people.org.logoHint', { kb: limitKb })}
        </Typography.Text>
      )}
    </Space>
  );
}
