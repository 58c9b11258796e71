"""Clean text at the gateway's edge: a C0 control character (or DEL) in any argument — a literal in the document
or a variable — is refused with `request.invalid` naming the argument path, before any upstream call.

Tab and newline are allowed only where the schema marks the argument or input field `@freeText` — the fields the
services type `FreeText` (descriptions, opinions, reasons, notes, measures, findings, purposes, conclusions); the
predicate is the kit's `control_char_message`.
"""
import dataclasses
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLArgument,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    get_nullable_type,
    visit,
)
from graphql.execution import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.schema_directive import Location

from contracts.text import control_char_message
from gateway.upstream import InvalidArgument


@strawberry.schema_directive(locations=[Location.ARGUMENT_DEFINITION, Location.INPUT_FIELD_DEFINITION],
                             description="自由文本（说明、意见、理由、备注、措施等）：允许换行与制表符；其余参数不允许任何控制字符")
class FreeText:
    """Marks an argument or input field whose text may hold tab and newline."""


def free_text_field(default: Any = dataclasses.MISSING) -> Any:
    """An input field of free text (tab and newline allowed); required unless a default is given."""
    return strawberry.field(default=default, directives=[FreeText()])


def _is_free(definition: GraphQLArgument | GraphQLInputField) -> bool:
    declared = (definition.extensions or {}).get("strawberry-definition")
    return any(isinstance(d, FreeText) for d in getattr(declared, "directives", None) or ())


def _named_fields(kind: Any) -> dict[str, GraphQLInputField]:
    kind = get_nullable_type(kind)
    return kind.fields if isinstance(kind, GraphQLInputObjectType) else {}


def _member(fields: dict[str, GraphQLInputField], name: str, kind: Any, free: bool) -> tuple[Any, bool]:
    """The type and free-text flag of member `name` of a value of type `kind` (a JSON scalar's members keep both)."""
    if not fields:
        return kind, free
    field = fields.get(name)
    return (field.type, _is_free(field)) if field else (None, False)


def _item(kind: Any) -> Any:
    kind = get_nullable_type(kind)
    return kind.of_type if isinstance(kind, GraphQLList) else kind  # a JSON scalar keeps its own type


def _check_json(value: Any, kind: Any, path: str, free: bool) -> Iterator[tuple[str, str]]:
    """Every bad string in a variable's JSON value, typed by the input type it will be coerced to."""
    if isinstance(value, str):
        if (message := control_char_message(value, free)) is not None:
            yield path, message
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _check_json(item, _item(kind), f"{path}[{i}]", free)
    elif isinstance(value, dict):
        fields = _named_fields(kind)
        for key, item in value.items():
            yield from _check_json(key, None, f"{path}（键）", False)
            member, member_free = _member(fields, key, kind, free)
            yield from _check_json(item, member, f"{path}.{key}", member_free)


def _check_literal(node: ValueNode, kind: Any, path: str, free: bool,
                   variables: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every bad string in an argument's literal value (variables inside it are checked by their values)."""
    if isinstance(node, VariableNode):
        yield from _check_json(variables.get(node.name.value), kind, path, free)
    elif isinstance(node, StringValueNode):
        yield from _check_json(node.value, kind, path, free)
    elif isinstance(node, ListValueNode):
        for i, item in enumerate(node.values):
            yield from _check_literal(item, _item(kind), f"{path}[{i}]", free, variables)
    elif isinstance(node, ObjectValueNode):
        fields = _named_fields(kind)
        for entry in node.fields:
            member, member_free = _member(fields, entry.name.value, kind, free)
            yield from _check_literal(entry.value, member, f"{path}.{entry.name.value}", member_free, variables)


class _Arguments(Visitor):
    """Collects the bad strings of every field argument of the operation to run and of its fragments."""

    def __init__(self, type_info: TypeInfo, operation: str | None, variables: dict[str, Any]) -> None:
        super().__init__()
        self.type_info, self.operation, self.variables = type_info, operation, variables
        self.fields: list[str] = []
        self.found: list[tuple[str, str]] = []

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> Any:
        # Only the operation that runs: another one in the same document may hold anything.
        if self.operation is not None and (node.name is None or node.name.value != self.operation):
            return self.SKIP
        return None

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.fields.append(node.name.value)

    def leave_field(self, *_: Any) -> None:
        self.fields.pop()

    def enter_argument(self, node: Any, *_: Any) -> None:
        definition = self.type_info.get_argument()
        if definition is None or not self.fields:  # a directive's argument (@include(if:)) or unknown
            return
        kind: GraphQLInputType = definition.type
        path = f"{self.fields[-1]}.{node.name.value}"
        self.found.extend(_check_literal(node.value, kind, path, _is_free(definition), self.variables))


def _holds_control(value: Any) -> bool:
    """True when any string in a variables' JSON value (keys included) holds a C0 control character or DEL."""
    if isinstance(value, str):
        return any(ord(c) < 32 or ord(c) == 127 for c in value)
    if isinstance(value, list):
        return any(_holds_control(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_control(key) or _holds_control(item) for key, item in value.items())
    return False


@lru_cache(maxsize=1024)
def _literal_problems(schema: GraphQLSchema, document: DocumentNode,
                      operation: str | None) -> tuple[tuple[str, str], ...]:
    """The bad strings of a document's literals alone; documents are the parser cache's, so repeats hit."""
    return tuple(control_characters(schema, document, operation, {}))


def control_characters(schema: GraphQLSchema, document: DocumentNode, operation: str | None,
                       variables: dict[str, Any]) -> list[tuple[str, str]]:
    """(argument path, Chinese message) for every string argument holding a control character it may not."""
    type_info = TypeInfo(schema)
    found = _Arguments(type_info, operation, variables)
    visit(document, TypeInfoVisitor(type_info, found))
    return found.found


class CleanText(SchemaExtension):
    """Refuses an operation whose arguments hold control characters, before any resolver runs."""

    def on_execute(self) -> Iterator[None]:
        """Check the validated document against its variables; answer the refusal instead of executing."""
        context = self.execution_context
        if context.graphql_document is not None:
            schema, variables = context.schema._schema, context.variables or {}
            # Clean variables (nearly always) leave only the literals to check, and those are known per document.
            found = (control_characters(schema, context.graphql_document, context.operation_name, variables)
                     if _holds_control(variables) else
                     list(_literal_problems(schema, context.graphql_document, context.operation_name)))
            if found:
                context.result = GraphQLExecutionResult(data=None, errors=[InvalidArgument(*found)])
        yield
