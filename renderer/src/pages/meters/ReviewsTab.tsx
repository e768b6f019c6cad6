// Placeholder until this tab is built.
import { Empty } from 'antd';

export function ReviewsTab() {
  return <Empty />;
}
