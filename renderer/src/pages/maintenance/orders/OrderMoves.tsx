// The action buttons of an order: one per status it may legally move to now (the order's `next`,
// from the core), named by the verb (派工, 开始, 完工, 验收, 关闭, 挂起, 恢复, 取消, 退回). Moves that
// need facts open MoveDialog; the rest happen on the click. Success shows as the new status and
// timeline entry in the drawer, not as a toast (toasts stack over the drawer's buttons).
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { MoveDialog, type PendingMove } from './MoveDialog';
import { moveAction, needsForm, useOrderText } from './orderText';

interface Props {
  order: WorkOrder;
  onChanged: (order: WorkOrder) => void;
}

export function OrderMoves({ order, onChanged }: Props) {
  const { t } = useOrderText();
  const { message } = App.useApp();
  const [pending, setPending] = useState<PendingMove | null>(null);
  // Each opening gets a fresh dialog: a reused one can keep the previous save's spinner (its
  // leave animation never ends while the dialog is hidden), which then names the button "loading".
  const [opening, setOpening] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);

  const moveNow = async (move: PendingMove) => {
    setBusy(move.to);
    try {
      onChanged(await api.call('workOrders.transition', { id: order.id, to: move.to }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const ask = (move: PendingMove) => {
    setOpening((n) => n + 1);
    setPending(move);
  };

  if (order.next.length === 0) return null;
  const moves = order.next.map((to) => ({ to, action: moveAction(order.status, to) }));
  // The forward move is the primary button; cancelling is last and red.
  const primary = moves.find((m) => !['cancel', 'hold', 'unassign', 'back'].includes(m.action));

  return (
    <>
      <Space wrap data-testid="order-moves">
        {moves.map((move) => (
          <Button
            key={move.to}
            type={move === primary ? 'primary' : 'default'}
            danger={move.action === 'cancel'}
            loading={busy === move.to}
            onClick={() => (needsForm.has(move.action) ? ask(move) : void moveNow(move))}
          >
            {t(`workOrders.move.${move.action}`)}
          </Button>
        ))}
      </Space>
      <MoveDialog
        key={opening}
        order={order}
        move={pending}
        onCancel={() => setPending(null)}
        onDone={(updated) => {
          setPending(null);
          onChanged(updated);
        }}
      />
    </>
  );
}
