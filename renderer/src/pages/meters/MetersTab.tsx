// Placeholder until this tab is built.
import { Empty } from 'antd';

export function MetersTab() {
  return <Empty />;
}
