#!/usr/bin/env python3
"""Fails when template.yaml, after the SAM transform, has a dependency cycle under any condition values.

CloudFormation refuses a template whose resources reference each other in a loop ("Circular dependency
between resources") before it creates anything, and a linter may not say so (cfn-lint 1.58 does not see
the loop the SAM transform makes through function aliases). This runs the transform itself
(aws-sam-translator, the code `sam deploy` runs in CloudFormation's Transform), then, for every
combination of the template's conditions, removes the resources and Fn::If branches that combination
turns off and searches the remaining Ref / Fn::GetAtt / Fn::Sub / DependsOn graph for a cycle.

Usage: check_cycles.py [template.yaml]   (exit 1 and the cycle's path on a cycle)
"""
import itertools
import json
import os
import re
import sys

import yaml
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform

# Parameter values the template is transformed with: each parameter that a condition reads, empty and set.
PARAMETER_CASES = {
    "AppUrl": ["", "https://orders.example.com"],
    "AlarmEmail": ["", "ops@example.com"],
    "OriginSecretInUse": ["A", "B"],
}


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short-form tags read as their long form (!Ref x -> {"Ref": "x"})."""


def _intrinsic(loader, suffix, node):
    name = "Ref" if suffix == "Ref" else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


CfnLoader.add_multi_constructor("!", _intrinsic)


class NoManagedPolicies:
    """The template names no AWS managed policy; the transform asks for their ARNs only if it does."""

    def load(self):
        return {}


def packaged(template):
    """The template as `sam package` hands it on: each local CodeUri uploaded, i.e. an S3 URI."""
    copy = json.loads(json.dumps(template))
    for resource in copy["Resources"].values():
        uri = resource.get("Properties", {}).get("CodeUri")
        if resource["Type"] == "AWS::Serverless::Function" and isinstance(uri, str) and not uri.startswith("s3://"):
            resource["Properties"]["CodeUri"] = "s3://sam-artifacts/" + uri
    return copy


def transformed(template, parameters):
    # The transform reads the region from the environment (it names ARNs); no AWS call is made.
    os.environ.setdefault("AWS_DEFAULT_REGION", parameters["AWS::Region"])
    try:
        return transform(packaged(template), parameters, NoManagedPolicies())
    except InvalidDocumentException as invalid:
        raise SystemExit("the SAM transform refused the template: " + "; ".join(str(e) for e in invalid.causes))


def evaluate(condition, conditions, parameters, assigned):
    """A condition's value from the parameters; `assigned` fixes some conditions outright."""
    if isinstance(condition, dict):
        (name, args), = condition.items()
        if name == "Condition":
            return assigned[args] if args in assigned else evaluate(conditions[args], conditions, parameters, assigned)
        if name == "Fn::Equals":
            left, right = (value(a, parameters) for a in args)
            return str(left) == str(right)
        if name == "Fn::Not":
            return not evaluate(args[0], conditions, parameters, assigned)
        if name == "Fn::And":
            return all(evaluate(a, conditions, parameters, assigned) for a in args)
        if name == "Fn::Or":
            return any(evaluate(a, conditions, parameters, assigned) for a in args)
    raise SystemExit("unsupported condition: " + json.dumps(condition))


def value(node, parameters):
    if isinstance(node, dict) and "Ref" in node:
        return parameters[node["Ref"]]
    return node


def pruned(node, truth):
    """The node with each Fn::If replaced by the branch `truth` selects."""
    if isinstance(node, dict):
        if set(node) == {"Fn::If"}:
            name, yes, no = node["Fn::If"]
            return pruned(yes if truth[name] else no, truth)
        return {k: pruned(v, truth) for k, v in node.items()}
    if isinstance(node, list):
        return [pruned(v, truth) for v in node]
    return node


SUB_REFERENCE = re.compile(r"\$\{([A-Za-z0-9]+)(?:\.[^}]*)?\}")


def references(node, resources):
    """Logical ids of the resources a property tree refers to."""
    found = set()
    if isinstance(node, dict):
        for key, inner in node.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                target = inner[0] if isinstance(inner, list) else str(inner).split(".", 1)[0]
                found.add(target)
            elif key == "Fn::Sub":
                text, variables = (inner, {}) if isinstance(inner, str) else (inner[0], inner[1])
                found.update(n for n in SUB_REFERENCE.findall(text) if n not in variables)
                found |= references(variables, resources)
            else:
                found |= references(inner, resources)
    elif isinstance(node, list):
        for inner in node:
            found |= references(inner, resources)
    return {name for name in found if name in resources}


def dependency_graph(template, truth):
    resources = {name: r for name, r in template["Resources"].items() if truth.get(r.get("Condition"), True)}
    graph = {}
    for name, resource in resources.items():
        body = pruned({k: v for k, v in resource.items() if k != "Condition"}, truth)
        depends = body.pop("DependsOn", [])
        depends = [depends] if isinstance(depends, str) else depends
        graph[name] = (references(body, resources) | set(depends)) - {name}
    return graph


def find_cycle(graph):
    """One cycle as a list of logical ids (first repeated at the end), or None."""
    state = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = "open"
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = "done"
                stack.pop()
                path.pop()
            elif state.get(child) == "open":
                return path[path.index(child):] + [child]
            elif child not in state and child in graph:
                state[child] = "open"
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
    return None


def check(path):
    with open(path, encoding="utf-8") as f:
        template = yaml.load(f, Loader=CfnLoader)
    declared = template.get("Parameters", {})
    cases, failures = 0, []
    names = [n for n in PARAMETER_CASES if n in declared]
    for combination in itertools.product(*(PARAMETER_CASES[n] for n in names)):
        parameters = {n: str(p.get("Default", "")) for n, p in declared.items()}
        parameters.update(dict(zip(names, combination)))
        parameters.update({"AWS::Region": "eu-west-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"})
        output = transformed(template, parameters)
        conditions = output.get("Conditions", {})
        # The conditions as the parameters make them, then every other assignment too: a condition the
        # transform adds, or one a later parameter decides, must not hide a cycle either.
        assignments = [{n: evaluate(c, conditions, parameters, {}) for n, c in conditions.items()}]
        assignments += [dict(zip(conditions, bits)) for bits in itertools.product([True, False], repeat=len(conditions))]
        for truth in assignments:
            cases += 1
            cycle = find_cycle(dependency_graph(output, truth))
            if cycle:
                failures.append("parameters %s, conditions %s: %s" % (dict(zip(names, combination)), truth, " -> ".join(cycle)))
    if failures:
        print("dependency cycle after the SAM transform of %s:" % path)
        for failure in sorted(set(failures)):
            print("  " + failure)
        return 1
    print("no dependency cycle in %s after the SAM transform (%d parameter/condition cases)" % (path, cases))
    return 0


if __name__ == "__main__":
    sys.exit(check(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
