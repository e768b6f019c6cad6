// The fields of 报修登记, laid out for someone on the phone: reporter and phone, then the asset
// (type part of its code or name; its place fills in) or the place, category, priority, source,
// the description and optional photos. Ctrl+Enter anywhere, or Enter in a one-line field, saves;
// Enter that confirms a Chinese IME composition or picks a dropdown option does not.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Row, Select, Upload, type FormInstance } from 'antd';
import type { UploadFile } from 'antd';
import type { KeyboardEvent } from 'react';
import type { Asset } from '../../../../../shared/contract/assets';
import {
  categories,
  priorities,
  requestSources,
  type Category,
  type Priority,
} from '../../../../../shared/contract/workOrders';
import { AssetPicker, PlacePicker, type Picked } from '../orders/pickers';
import { useOrderText } from '../orders/orderText';

export interface RequestValues {
  reporter: string;
  phone?: string;
  asset?: Picked | null;
  place?: Picked | null;
  category?: Category;
  priority: Priority;
  source: (typeof requestSources)[number];
  description: string;
  files?: UploadFile[];
}

export const requestDefaults: Partial<RequestValues> = { priority: 'normal', source: 'phone' };

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A category to start from, guessed from the kind of asset reported. */
const categoryOfKind: Partial<Record<Asset['kind'], Category>> = {
  fixture: 'lighting',
  irrigation_zone: 'irrigation',
};

/** Whether a key press in the form means "save now". */
export function isSaveKey(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return false;
  if (event.ctrlKey || event.metaKey) return true;
  const target = event.target as HTMLElement;
  // Plain Enter saves only from a one-line text box; in a picker it chooses, in a text area it
  // starts a new line.
  return (
    target.tagName === 'INPUT' &&
    target.getAttribute('role') !== 'combobox' &&
    !event.shiftKey &&
    !event.altKey
  );
}

interface Props {
  form: FormInstance<RequestValues>;
  onSubmit: (values: RequestValues) => void;
}

export function RequestForm({ form, onSubmit }: Props) {
  const { t, priority, category } = useOrderText();
  const { message } = App.useApp();

  const pickAsset = (asset: Asset | null) => {
    if (!asset) return;
    if (asset.placeId) {
      form.setFieldValue('place', { value: asset.placeId, label: asset.placeName ?? '' });
      void form.validateFields(['place']).catch(() => undefined);
    }
    const guess = categoryOfKind[asset.kind];
    if (guess && !form.getFieldValue('category')) form.setFieldValue('category', guess);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      name="request-form"
      initialValues={requestDefaults}
      onFinish={onSubmit}
      onKeyDown={(e) => {
        if (isSaveKey(e)) {
          e.preventDefault();
          form.submit();
        }
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="reporter"
            label={t('requests.fields.reporter')}
            rules={[{ required: true, whitespace: true, message: t('requests.reporterRequired') }]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="phone"
            label={t('requests.fields.phone')}
            rules={[{ pattern: /^[0-9+\-() ]*$/, message: t('requests.phoneInvalid') }]}
          >
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="asset" label={t('requests.fields.asset')}>
            <AssetPicker onAsset={pickAsset} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="place"
            label={t('requests.fields.place')}
            dependencies={['asset']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Picked | null | undefined) =>
                  value || getFieldValue('asset')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('requests.placeOrAsset'))),
              }),
            ]}
          >
            <PlacePicker />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="category"
            label={t('requests.fields.category')}
            rules={[{ required: true, message: t('requests.categoryRequired') }]}
          >
            <Select options={categories.map((v) => ({ value: v, label: category(v) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="priority" label={t('requests.fields.priority')}>
            <Select options={priorities.map((v) => ({ value: v, label: priority(v) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label={t('requests.fields.source')}>
            <Select
              options={requestSources.map((v) => ({ value: v, label: t(`requests.source.${v}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label={t('requests.fields.description')}
        rules={[{ required: true, whitespace: true, message: t('requests.descriptionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={5000} placeholder={t('requests.descriptionHint')} />
      </Form.Item>
      <Form.Item
        name="files"
        label={t('requests.fields.files')}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
        extra={t('requests.filesHint')}
      >
        <Upload
          multiple
          maxCount={10}
          beforeUpload={(file) => {
            if (file.size > MAX_FILE_BYTES) {
              void message.error(t('requests.fileTooBig', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            // Kept in the form and sent as base64 with the request; nothing uploads on its own.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('requests.addFiles')}</Button>
        </Upload>
      </Form.Item>
    </Form>
  );
}
