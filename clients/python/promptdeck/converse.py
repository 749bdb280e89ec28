"""Keyword arguments for boto3's ``bedrock-runtime`` ``converse`` (and ``converse_stream``).

Built exactly as Promptdeck's gateway builds its Converse request (lib/aws/bedrock.ts; shared
vectors in clients/converse-cases.json), so a call the application makes to Bedrock itself is
the call Promptdeck would have made::

    prompt = client.get_prompt("support-reply")
    response = bedrock.converse(**converse_kwargs(prompt, {"question": q}))
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

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


def converse_input(prompt: Any, rendered: Mapping[str, Any]) -> Dict[str, Any]:
    """The Converse request for a rendered prompt: modelId, messages, system, inferenceConfig,
    additionalModelRequestFields (top_k etc.) and guardrailConfig, each only when there is something to send."""
    model_id = _field(prompt, "modelId", "model_id")
    params = _field(prompt, "params", "params") or {}
    guardrail = _field(prompt, "guardrail", "guardrail")
    out: Dict[str, Any] = {
        "modelId": model_id,
        "messages": [{"role": m["role"], "content": [{"text": m["content"]}]} for m in rendered["messages"]],
    }
    if rendered.get("system"):
        out["system"] = [{"text": rendered["system"]}]
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
    return out


def converse_kwargs(prompt: Any, variables: Optional[Mapping[str, Any]] = None, *, rendered: Optional[Mapping[str, Any]] = None, **extra: Any) -> Dict[str, Any]:
    """``bedrock.converse(**converse_kwargs(prompt, variables))``.

    ``prompt`` is what ``get_prompt`` returned (or a version dict with template, modelId, params,
    guardrail). Give ``variables`` to render it here (with the server's rules), or an already
    ``rendered`` ``{system, messages}``. Any further keyword (``toolConfig``, ``performanceConfig``,
    ``requestMetadata``, ``guardrailConfig``...) is passed through; ``additionalModelRequestFields``
    is merged over the model's own (top_k).
    """
    if rendered is None:
        rendered = render_template(_field(prompt, "template", "template"), variables or {})
    out = converse_input(prompt, rendered)
    more = extra.pop("additionalModelRequestFields", None)
    if more:
        out["additionalModelRequestFields"] = {**out.get("additionalModelRequestFields", {}), **more}
    out.update(extra)
    return out
