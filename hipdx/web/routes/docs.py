"""The API reference page at /docs, rendered on the server from the OpenAPI schema.

FastAPI's own docs pages load Swagger UI from a CDN; hipdx must work offline, so it renders the
schema itself. The machine-readable schema is at /openapi.json.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from hipdx.web.deps import TemplatesDep

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def _type(schema: dict[str, Any]) -> str:
    """A short readable type of a JSON schema."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list[{_type(schema.get('items', {}))}]"
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return f"dict[str, {_type(extra) if isinstance(extra, dict) else 'any'}]"
    return str(kind)


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or ["other"])[0],
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {})),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": _type(body["schema"]) if "schema" in body else None,
                    "responses": [
                        {
                            "status": status,
                            "description": r.get("description", ""),
                            "type": _type(
                                r.get("content", {}).get("application/json", {}).get("schema", {})
                            )
                            if r.get("content")
                            else "",
                        }
                        for status, r in op.get("responses", {}).items()
                    ],
                }
            )
    return operations


def _schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "description": schema.get("description", ""),
            "fields": [
                {
                    "name": field,
                    "type": _type(prop),
                    "required": field in schema.get("required", []),
                    "description": prop.get("description", ""),
                }
                for field, prop in schema.get("properties", {}).items()
            ],
        }
        for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items())
    ]


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, templates: TemplatesDep) -> Response:
    spec = request.app.openapi()
    return templates.TemplateResponse(
        request,
        "api_docs.html",
        {"spec": spec, "operations": _operations(spec), "schemas": _schemas(spec)},
    )
