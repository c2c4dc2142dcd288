"""Talking to OpenRouter or any OpenAI-compatible server.

Nothing is imported here: `nlshell.openrouter.errors` must stay importable without httpx, and
the client is loaded only when a request is really sent.
"""
