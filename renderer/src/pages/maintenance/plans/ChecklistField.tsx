// The checklist lines of a plan, copied onto every order it generates: add, remove and reorder.
// Reordering is by buttons rather than dragging so it also works from the keyboard.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Flex, Form, Input, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Upper bound of the contract (ChecklistItem list of at most 100). */
const MAX_LINES = 100;

export function ChecklistField() {
  const { t } = useTranslation();
  return (
    <Form.List name="checklist">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={6}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={6} align="start">
              <span style={{ width: 22, paddingTop: 5, textAlign: 'right', color: '#999' }}>
                {index + 1}.
              </span>
              <Form.Item
                name={[field.name, 'text']}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: t('plans.editor.checklistEmpty') },
                ]}
              >
                <Input
                  maxLength={500}
                  aria-label={`${t('plans.editor.checklist')} ${index + 1}`}
                  placeholder={t('plans.editor.checklistPlaceholder')}
                  // Enter on the last line adds the next one, as typing a list naturally goes.
                  onPressEnter={(e) => {
                    e.preventDefault();
                    if (index === fields.length - 1 && fields.length < MAX_LINES) add({ text: '' });
                  }}
                />
              </Form.Item>
              <Tooltip title={t('plans.editor.moveUp')}>
                <Button
                  icon={<ArrowUpOutlined />}
                  aria-label={t('plans.editor.moveUp')}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                />
              </Tooltip>
              <Tooltip title={t('plans.editor.moveDown')}>
                <Button
                  icon={<ArrowDownOutlined />}
                  aria-label={t('plans.editor.moveDown')}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                />
              </Tooltip>
              <Tooltip title={t('plans.editor.remove')}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('plans.editor.remove')}
                  onClick={() => remove(index)}
                />
              </Tooltip>
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_LINES}
            onClick={() => add({ text: '' })}
          >
            {t('plans.editor.addItem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
