// FHIR R4 Bundles: a searchset for search results, a collection for a client's export.
import type { FhirBundle, FhirResource } from "./types.js";

export interface BundleOptions {
  /** Public FHIR base, e.g. "https://clinic.example/fhir/R4". */
  readonly baseUrl: string;
  /** The URL of the search itself, for the "self" link. */
  readonly selfUrl?: string;
}

function entries(
  resources: readonly FhirResource[],
  baseUrl: string,
  search: boolean,
): FhirBundle["entry"] {
  const base = baseUrl.replace(/\/$/, "");
  return resources.map((resource) => {
    if (!resource.id)
      throw new Error(
        `A ${resource.resourceType} needs an id to go in a Bundle`,
      );
    return {
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      ...(search ? { search: { mode: "match" as const } } : {}),
    };
  });
}

/**
 * A searchset Bundle of matches (hl7.org/fhir/R4/bundle.html).
 * @example searchsetBundle([qr], { baseUrl, selfUrl: `${baseUrl}/QuestionnaireResponse?subject=c1` }).total // 1
 */
export function searchsetBundle(
  resources: readonly FhirResource[],
  options: BundleOptions,
): FhirBundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    ...(options.selfUrl
      ? { link: [{ relation: "self", url: options.selfUrl }] }
      : {}),
    entry: entries(resources, options.baseUrl, true),
  };
}

/** A collection Bundle, e.g. everything Rapport holds for one client. */
export function collectionBundle(
  resources: readonly FhirResource[],
  options: BundleOptions,
): FhirBundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: entries(resources, options.baseUrl, false),
  };
}
