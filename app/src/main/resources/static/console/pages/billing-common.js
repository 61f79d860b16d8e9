// Words for transaction types and payment states, shared by the billing pages.
import {t} from '../i18n.js';

export const TX_TYPES = ['payment', 'consumption', 'refund', 'adjustment', 'redemption', 'signup_credit'];

export function txTypeLabel(type) {
  return t(`tx.type.${type}`);
}

export function paymentStatusLabel(status) {
  return t(`payment.status.${status}`);
}
