/** Registers `<prm-booking-scheduler>` (`import 'prm-widgets/booking-scheduler'`). */
import { PrmBookingScheduler } from './booking-scheduler.js';

PrmBookingScheduler.define();

export { PrmBookingScheduler };
export type {
  BookingViewDetail,
  BookingServiceSelectDetail,
  BookingSlotSelectDetail,
  BookingSubmitDetail,
  BookingSuccessDetail,
  BookingConflictDetail,
  BookingRescheduleDetail,
  BookingCancelDetail,
} from './booking-scheduler.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-booking-scheduler': PrmBookingScheduler;
  }
}
