type Operation = { pattern: RegExp; literalSegments: number; acceptsJson: boolean };
export type OperationIndex = { find(method: string, path: string): Operation | undefined };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The request body types an operation of an OpenAPI document declares. */
function declaredBodyTypes(operation: unknown): string[] {
  const content = (operation as { requestBody?: { content?: Record<string, unknown> } } | undefined)
    ?.requestBody?.content;
  return content ? Object.keys(content) : [];
}

/**
 * The operations of an OpenAPI document, found by method and concrete path
 * (`/api/v1/t/acme/members/…` → `/v1/t/{slug}/members/{id}`); a literal segment wins over a parameter.
 */
export function operationIndex(
  basePath: string,
  document: { paths?: Record<string, unknown> },
): OperationIndex {
  const byMethod = new Map<string, Operation[]>();
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const segments = `${basePath}${template}`.split('/');
    const pattern = new RegExp(
      `^${segments.map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment))).join('/')}/?$`,
    );
    const literalSegments = segments.filter((segment) => !/^\{.+\}$/.test(segment)).length;
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method];
      if (!operation) continue;
      const acceptsJson = declaredBodyTypes(operation).some((type) =>
        /^application\/(?:[\w.-]+\+)?json$/i.test(type),
      );
      const list = byMethod.get(method.toUpperCase()) ?? [];
      list.push({ pattern, literalSegments, acceptsJson });
      byMethod.set(method.toUpperCase(), list);
    }
  }
  for (const list of byMethod.values()) list.sort((a, b) => b.literalSegments - a.literalSegments);
  return {
    find: (method, path) =>
      byMethod.get(method.toUpperCase())?.find((operation) => operation.pattern.test(path)),
  };
}
