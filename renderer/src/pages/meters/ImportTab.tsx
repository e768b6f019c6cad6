// Placeholder until this tab is built.
import { Empty } from 'antd';

export function ImportTab() {
  return <Empty />;
}
