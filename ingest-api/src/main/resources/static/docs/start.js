window.ui = SwaggerUIBundle({ url: "/v1/openapi.yaml", dom_id: "#api" });
