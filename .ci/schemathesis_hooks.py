"""Schemathesis hooks for `.ci/fuzz` (loaded through SCHEMATHESIS_HOOKS).

`positive_data_acceptance` fails when a request the document calls valid is refused. The
document states every rule a schema can state (lengths, ranges, patterns, enums, formats, which
fields go together). A few rules no schema can state remain, each with its own stable error
code: whether a phone number exists in its country's numbering plan, whether a new password
is one of the 10,000 most common or the user's own email or user name, and whether the user's
profile already holds the phone number an SMS method needs, and whether a tenant that signs in
through SSO still has an `sso_url` after the change (the request may not mention `sign_in`), and
whether each of a tenant's `webauthn_origins` is on its `webauthn_rp_id` (either may be the stored
one). A 400 with one of those
codes is the server applying such a rule, not a refused valid request; every other refusal of
schema-valid data still fails the run.
"""

import sys

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

# Deeply nested request schemas (WebAuthn answers inside `oneOf`/`anyOf`) make hypothesis describe
# lambdas far down the stack, where CPython 3.11's ast.parse can fail with "AST constructor
# recursion depth mismatch" (CPython issue 106905) near the default limit of 1000 frames.
sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
# The limit alone is not enough: the same CPython bug fires when the parse runs deep on the stack
# whatever the limit. The parse only names a lambda in hypothesis' own descriptions, so a failure
# there is answered with hypothesis' own placeholder instead of failing the test case.
try:
    from hypothesis.internal import lambda_sources as _lambda_sources

    _describe = _lambda_sources._lambda_description

    def _lambda_description(f, *args, **kwargs):
        try:
            return _describe(f, *args, **kwargs)
        except (SystemError, RecursionError):
            return "lambda: <unknown>"

    _lambda_sources._lambda_description = _lambda_description
except (ImportError, AttributeError):  # another hypothesis: its own behaviour
    pass

RULES_BEYOND_SCHEMA = {
    "invalid_phone_number",
    "password_too_common",
    "password_equals_email",
    "password_equals_username",
    "phone_number_required",
    "invalid_sign_in",
    "invalid_webauthn_rp_id",
    # The document gives a WebAuthn response's shape; its base64url, CBOR and client data are
    # read by webauthn-rs.
    "malformed_credential",
}


@schemathesis.check
def positive_data_acceptance_beyond_schema(ctx, response, case):
    if response.status_code == 400:
        try:
            code = response.json().get("error")
        except Exception:  # not JSON: the builtin check judges it
            code = None
        if code in RULES_BEYOND_SCHEMA:
            return None
    return positive_data_acceptance(ctx, response, case)
