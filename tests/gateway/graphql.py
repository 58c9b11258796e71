"""Helpers to post GraphQL documents in tests."""
import httpx

SUBMIT = """
mutation Submit($input: ProjectInput!) {
  submitProject(input: $input) {
    __typename
    ... on Project { id name status countyName totalBudget budget { source amount } }
    ... on Problem { code message fields { field message } }
    ... on ProjectNotEligible { rules }
  }
}"""


def as_input(entry: dict) -> dict:
    """A REST entry (snake_case) as GraphQL ProjectInput variables (camelCase, enum names)."""
    def camel(key: str) -> str:
        head, *rest = key.split("_")
        return head + "".join(p.title() for p in rest)

    def convert(value, key=""):
        if isinstance(value, dict):
            return {camel(k): convert(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v, key) for v in value]
        if key in ("category", "source"):
            return value.upper()
        return value

    return convert(entry)


async def gql(client: httpx.AsyncClient, query: str, headers: dict, **variables) -> dict:
    """POST a document; returns the whole response body (data and errors)."""
    r = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()
