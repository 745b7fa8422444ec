/**
 * The message protocol between Keyward's contexts, by direction, lives in src/protocol/ (see its
 * README.md). This module keeps the one import path the rest of the code and the tests use.
 */
export type { FramePlacement, SenderContext } from './protocol/contexts';
export { type Envelope, type ErrorInfo, KeywardError, type Reply } from './protocol/envelope';
export {
  CAPTURE_LIMITS,
  type CaptureSubmission,
  type FillOpenRequest,
  type KeyDetailsPatch,
  type SeenKey,
} from './protocol/payloads';
export { DEFAULT_SETTINGS, SETTING_LIMITS, type Settings } from './protocol/settings';
export {
  CONTENT_FRAMES,
  MESSAGE_SENDERS,
  type MessageType,
  type RequestOf,
  type Requests,
  type ResponseOf,
  isMessageType,
} from './protocol/to-background';
export { type FillValuesMessage, type FillValuesReply } from './protocol/to-content';
export {
  FILL_RISKS,
  type FillOutcome,
  type FillRisk,
  type LeakReport,
  type LeakVerdict,
  type PickerKey,
  type PickerSession,
  type PickerSurface,
  type SiteProbe,
  type VaultState,
  type VaultStatus,
} from './protocol/views';
