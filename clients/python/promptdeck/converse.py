"""Keyword arguments for boto3's ``bedrock-runtime`` ``converse`` (and ``converse_stream``).

Built exactly as Promptdeck's gateway builds its Converse request (lib/aws/bedrock.ts; shared
vectors in clients/converse-cases.json), so a call the application makes to Bedrock itself is
the call Promptdeck would have made, the version's Bedrock bundle included: its tools and tool
choice become ``toolConfig``, its cache points ``cachePoint`` blocks after the system prompt and
after the chosen messages, and ``model_id=`` calls one of its fallbacks (``converse_models``)::

    prompt = client.get_prompt("support-reply")
    response = bedrock.converse(**converse_kwargs(prompt, {"question": q}))
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from .template import render_template

_GEOGRAPHIES = ("us", "eu", "apac", "global", "us-gov", "jp", "au", "ca")


def model_family(model_id: str) -> str:
    """``anthropic`` for anthropic.x, us.anthropic.x and inference-profile ARNs of them."""
    mid = model_id.split("/")[-1] if model_id.startswith("arn:") else model_id
    parts = mid.split(".")
    return parts[1] if len(parts) > 2 and parts[0] in _GEOGRAPHIES else parts[0]


def additional_fields(model_id: str, params: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """top_k is not part of Converse's common inferenceConfig: each model family takes it its own way."""
    if params.get("topK") is None:
        return None
    family = model_family(model_id)
    if family == "amazon":
        return {"inferenceConfig": {"topK": params["topK"]}}
    if family == "cohere":
        return {"k": params["topK"]}
    return {"top_k": params["topK"]}


def _field(prompt: Any, name: str, attr: str, default: Any = None) -> Any:
    if isinstance(prompt, Mapping):
        return prompt.get(name, default)
    return getattr(prompt, attr, default)


def tool_config(tools: Optional[Sequence[Mapping[str, Any]]], choice: Any = None) -> Optional[Dict[str, Any]]:
    """Converse's ``toolConfig`` for a version's tools and ``toolChoice`` ("auto", "any" or
    ``{"tool": name}``); None without tools (a choice alone is not sent)."""
    if not tools:
        return None
    out: Dict[str, Any] = {"tools": []}
    for t in tools:
        spec: Dict[str, Any] = {"name": t["name"]}
        if t.get("description") is not None:
            spec["description"] = t["description"]
        spec["inputSchema"] = {"json": t["inputSchema"]}
        out["tools"].append({"toolSpec": spec})
    if choice == "auto":
        out["toolChoice"] = {"auto": {}}
    elif choice == "any":
        out["toolChoice"] = {"any": {}}
    elif isinstance(choice, Mapping) and choice.get("tool"):
        out["toolChoice"] = {"tool": {"name": choice["tool"]}}
    return out


def converse_models(prompt: Any) -> List[str]:
    """The models the gateway tries, in order: the version's, then its ``fallbacks``."""
    return [_field(prompt, "modelId", "model_id")] + list(_field(prompt, "fallbacks", "fallbacks") or [])


def _cache_point() -> Dict[str, Any]:
    return {"cachePoint": {"type": "default"}}


def _is_index(p: Any) -> bool:
    return isinstance(p, int) and not isinstance(p, bool)


def converse_input(prompt: Any, rendered: Mapping[str, Any], *, model_id: Optional[str] = None) -> Dict[str, Any]:
    """The Converse request for a rendered prompt: modelId, messages, system, inferenceConfig,
    additionalModelRequestFields (top_k etc.), guardrailConfig and toolConfig, each only when there
    is something to send; a cachePoint block after the system prompt ("system" in cachePoints) and
    after each message whose index is in cachePoints. ``model_id``: call this model instead of the
    version's (one of its fallbacks); only the model and its family's fields (top_k) change.
    A version's outputSchema is not part of the request (Promptdeck checks answers against it)."""
    model_id = model_id or _field(prompt, "modelId", "model_id")
    params = _field(prompt, "params", "params") or {}
    guardrail = _field(prompt, "guardrail", "guardrail")
    points = _field(prompt, "cachePoints", "cache_points") or []
    cache_system = "system" in points
    cache_messages = {p for p in points if _is_index(p)}
    out: Dict[str, Any] = {
        "modelId": model_id,
        "messages": [
            {"role": m["role"], "content": [{"text": m["content"]}] + ([_cache_point()] if i in cache_messages else [])}
            for i, m in enumerate(rendered["messages"])
        ],
    }
    if rendered.get("system"):
        out["system"] = [{"text": rendered["system"]}] + ([_cache_point()] if cache_system else [])
    inference: Dict[str, Any] = {}
    for key in ("maxTokens", "temperature", "topP"):
        if params.get(key) is not None:
            inference[key] = params[key]
    if params.get("stopSequences"):
        inference["stopSequences"] = list(params["stopSequences"])
    if inference:
        out["inferenceConfig"] = inference
    extra = additional_fields(model_id, params)
    if extra:
        out["additionalModelRequestFields"] = extra
    if guardrail:
        out["guardrailConfig"] = {"guardrailIdentifier": guardrail["identifier"], "guardrailVersion": guardrail["version"]}
    tools = tool_config(_field(prompt, "tools", "tools"), _field(prompt, "toolChoice", "tool_choice"))
    if tools:
        out["toolConfig"] = tools
    return out


def converse_kwargs(prompt: Any, variables: Optional[Mapping[str, Any]] = None, *, rendered: Optional[Mapping[str, Any]] = None, model_id: Optional[str] = None, **extra: Any) -> Dict[str, Any]:
    """``bedrock.converse(**converse_kwargs(prompt, variables))``.

    ``prompt`` is what ``get_prompt`` returned (or a version dict with template, modelId, params,
    guardrail, tools, toolChoice, cachePoints, fallbacks). Give ``variables`` to render it here
    (with the server's rules), or an already ``rendered`` ``{system, messages}``. The version's
    tools and tool choice are sent as ``toolConfig`` and its cache points as ``cachePoint``
    blocks; ``model_id`` calls one of its fallbacks instead (see ``converse_models``). Any further
    keyword (``performanceConfig``, ``requestMetadata``, ``toolConfig``...) is passed through and
    replaces the version's; ``additionalModelRequestFields`` is merged over the model's own (top_k).
    """
    if rendered is None:
        rendered = render_template(_field(prompt, "template", "template"), variables or {})
    out = converse_input(prompt, rendered, model_id=model_id)
    more = extra.pop("additionalModelRequestFields", None)
    if more:
        out["additionalModelRequestFields"] = {**out.get("additionalModelRequestFields", {}), **more}
    out.update(extra)
    return out


def record_usage(usage: Optional[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    """The ``usage`` of an invocation record (``log()``) from Converse's ``response["usage"]`` (or a
    stream's ``metadata`` event): the token counts, and the prompt-cache reads and writes when
    Bedrock reported them (Promptdeck costs them at the model's cache prices). None without usage."""
    if not usage:
        return None
    out: Dict[str, Any] = {"inputTokens": usage.get("inputTokens") or 0, "outputTokens": usage.get("outputTokens") or 0}
    for key in ("cacheReadInputTokens", "cacheWriteInputTokens"):
        if isinstance(usage.get(key), int) and not isinstance(usage.get(key), bool):
            out[key] = usage[key]
    return out
