// Placeholder until this tab is built.
import { Empty } from 'antd';

export function RoundTab() {
  return <Empty />;
}
