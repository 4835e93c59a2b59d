import { AppError } from '../http/errors';

/**
 * Link and widget tokens are signed and stateless, so they outlive an erasure: whatever an
 * erased person's token reaches answers this 410 instead.
 */
export const contactErased = () =>
  new AppError('contact_erased', 410, 'The person this token was issued to has been erased; it opens nothing.');
