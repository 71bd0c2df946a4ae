// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Appwrite errors as the 1.9.6 server sends them: `{message, code, type, version}`. The default message and HTTP
// code of each type are those of the server's error table (app/config/errors.php @1.9.6), so a client that shows
// `message` sees the same text it would see against a real server.

export const APP_VERSION = '1.9.6';

/** @type {Record<string, [number, string]>} type → [HTTP code, default message] */
const TYPES = {
  general_unknown: [500, 'An unknown error has occurred. Please check the logs for more information.'],
  general_access_forbidden: [401, 'Access to this API is forbidden.'],
  general_unknown_origin: [403, 'The request originated from an unknown origin. If you trust this domain, please list it as a trusted platform in the Appwrite console.'],
  general_unauthorized_scope: [401, 'The current user or API key does not have the required scopes to access the requested resource.'],
  general_rate_limit_exceeded: [429, 'Rate limit for the current endpoint has been exceeded. Please try again after some time.'],
  general_argument_invalid: [400, 'The request contains one or more invalid arguments. Please refer to the endpoint documentation.'],
  general_query_invalid: [400, "The query's syntax is invalid. Please check the query and try again."],
  general_route_not_found: [404, 'Route not found. Please ensure the endpoint is configured correctly and that the API route is valid for this SDK version. Refer to the API docs for more details.'],
  general_cursor_not_found: [400, 'The cursor is invalid. This can happen if the item represented by the cursor has been deleted.'],
  general_server_error: [500, 'An internal server error occurred.'],
  general_invalid_email: [400, 'Value must be a valid email address.'],
  general_invalid_phone: [400, "Value must be a valid phone number. Format this number with a leading '+' and a country code, e.g., +16175551212."],
  general_bad_request: [400, 'There was an error processing your request. Please check the inputs and try again.'],
  user_count_exceeded: [400, 'The current project has exceeded the maximum number of users. Please check your user limit in the Appwrite console.'],
  user_jwt_invalid: [401, 'The JWT token is invalid. Please check the value of the X-Appwrite-JWT header to ensure the correct token is being used.'],
  user_already_exists: [409, 'A user with the same id, email, or phone already exists in this project.'],
  user_blocked: [403, 'The current user has been blocked.'],
  user_invalid_token: [401, 'Invalid token passed in the request.'],
  user_password_reset_required: [412, 'The current user requires a password reset.'],
  user_invalid_credentials: [401, 'Invalid credentials. Please check the email and password.'],
  user_anonymous_console_prohibited: [401, 'Anonymous users cannot be created for the console project.'],
  user_session_already_exists: [401, 'Creation of a session is prohibited when a session is active.'],
  user_not_found: [404, 'User with the requested ID could not be found.'],
  user_email_not_found: [400, 'User email could not be found.'],
  user_email_already_exists: [409, 'A user with the same email already exists in the current project.'],
  password_recently_used: [400, 'The password you are trying to use is similar to your previous password. For your security, please choose a different password and try again.'],
  password_personal_data: [400, 'The password you are trying to use contains references to your name, email, phone or userID. For your security, please choose a different password and try again.'],
  user_session_not_found: [404, 'The current user session could not be found.'],
  user_identity_not_found: [404, 'The identity could not be found. Please sign in with OAuth provider to create identity first.'],
  user_unauthorized: [401, 'The current user is not authorized to perform the requested action.'],
  user_auth_method_unsupported: [501, 'The requested authentication method is either disabled or unsupported. Please check the supported authentication methods in the Appwrite console.'],
  user_phone_already_exists: [409, 'A user with the same phone number already exists in the current project.'],
  user_recovery_codes_already_exists: [409, 'The current user already generated recovery codes and they can only be read once for security reasons.'],
  user_authenticator_not_found: [404, 'Authenticator could not be found on the current user.'],
  user_recovery_codes_not_found: [404, 'Recovery codes could not be found on the current user.'],
  user_authenticator_already_verified: [409, 'This authenticator is already verified on the current user.'],
  user_phone_not_found: [400, 'The current user does not have a phone number associated with their account.'],
  user_missing_id: [400, 'Missing ID from OAuth2 provider.'],
  user_more_factors_required: [401, 'More factors are required to complete the sign in process.'],
  user_challenge_required: [401, 'A recently successful challenge is required to complete this action. A challenge is considered recent for 5 minutes.'],
  user_oauth2_bad_request: [400, 'OAuth2 provider rejected the bad request.'],
  user_oauth2_unauthorized: [401, 'OAuth2 provider rejected the unauthorized request.'],
  user_oauth2_provider_error: [424, 'OAuth2 provider returned some error.'],
  user_email_not_verified: [400, 'User email is not verified'],
  user_email_already_verified: [409, 'User email is already verified'],
  user_phone_not_verified: [400, 'User phone is not verified'],
  user_phone_already_verified: [409, 'User phone is already verified'],
  user_target_not_found: [404, 'The target could not be found.'],
  user_target_already_exists: [409, 'A target with the same ID already exists.'],
  user_jwt_and_cookie_set: [403, 'JWT and cookie used in the same request. Use either `setJWT` or `setCookie`. Learn about which authentication method to use in the SSR docs: https://appwrite.io/docs/products/auth/server-side-rendering'],
  project_not_found: [404, 'Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.'],
  project_provider_disabled: [412, 'The chosen OAuth provider is disabled. You can enable the OAuth provider using the Appwrite console.'],
  project_invalid_success_url: [400, 'Invalid redirect URL for OAuth success.'],
  project_invalid_failure_url: [400, 'Invalid redirect URL for OAuth failure.'],
  realtime_message_format_invalid: [1003, 'Message format is not valid.'],
  realtime_policy_violation: [1008, 'Policy violation.'],
  realtime_too_many_messages: [1013, 'Too many messages.'],
};

// The server publishes only these codes; anything else becomes `500 Server Error` (app/controllers/general.php).
// 413 is the emulator's own addition for an oversized request body (the server's Swoole front drops those).
const PUBLIC_CODES = new Set([400, 401, 402, 403, 404, 405, 408, 409, 412, 413, 416, 422, 429, 451, 501, 503]);

export class AppwriteError extends Error {
  /**
   * @param {string} type one of the server error types, e.g. `user_invalid_token`
   * @param {string} [message] overrides the default message of the type
   * @param {number} [code] overrides the default HTTP (or realtime) code of the type
   */
  constructor(type, message, code) {
    const known = TYPES[type] ?? TYPES.general_unknown;
    super(message ?? known[1]);
    this.name = 'AppwriteError';
    this.type = type;
    this.code = code ?? known[0];
  }
}

/**
 * The JSON body and HTTP status of an error response; unexpected errors are hidden behind `500 Server Error`.
 * @param {unknown} error
 * @returns {{ status: number, body: { message: string, code: number, type: string, version: string } }}
 */
export function errorResponse(error) {
  if (error instanceof AppwriteError && PUBLIC_CODES.has(error.code)) {
    return { status: error.code, body: { message: error.message, code: error.code, type: error.type, version: APP_VERSION } };
  }
  const type = error instanceof AppwriteError ? error.type : 'general_unknown';
  return { status: 500, body: { message: 'Server Error', code: 500, type, version: APP_VERSION } };
}

/** Shorthand for a parameter error as utopia-php/http words it. */
export function invalidParam(name, description) {
  return new AppwriteError('general_argument_invalid', `Invalid \`${name}\` param: ${description}`);
}

export function missingParam(name) {
  return new AppwriteError('general_argument_invalid', `Param "${name}" is not optional.`);
}
