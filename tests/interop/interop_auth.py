"""LiteLLM custom auth for the interop tier: the test key passes, anything else (or none) is HTTP 401.

Without a database LiteLLM's own key check answers a wrong key with 400 or 500; a real deployment
answers 401, and that is what nlshell must be tried against.
"""

from fastapi import HTTPException, Request
from litellm.proxy._types import UserAPIKeyAuth

TEST_KEY = "sk-interop-test-key-not-a-secret"


async def user_api_key_auth(request: Request, api_key: str) -> UserAPIKeyAuth:
    if api_key == TEST_KEY:
        return UserAPIKeyAuth(api_key=api_key)
    raise HTTPException(status_code=401, detail="invalid API key")
