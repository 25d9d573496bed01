# Checks .github/workflows/ci.yml (test_ci_workflow runs this): it must be valid YAML (PyYAML's
# safe loader) and hold the jobs the docs promise. Exit status 0 when it does; else 1 with the
# reason. usage: python3 check_workflow.py <ci.yml>
#
# Copyright 2026 The Boost.TempFile authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)
import sys

import yaml


def fail(why):
    print("ci.yml: " + why)
    sys.exit(1)


try:
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = yaml.safe_load(f)
except yaml.YAMLError as e:
    fail("not valid YAML: " + str(e).replace("\n", " "))

if not isinstance(doc, dict):
    fail("not a mapping at the top")
# YAML 1.1 reads a bare `on:` key as the boolean true.
if "on" not in doc and True not in doc:
    fail("no trigger (on:)")
jobs = doc.get("jobs")
if not isinstance(jobs, dict):
    fail("no jobs")
for name in ("linux", "boost-superproject", "windows-cross", "macos", "windows"):
    if name not in jobs:
        fail("job '%s' is missing" % name)
    job = jobs[name]
    if not isinstance(job, dict) or "runs-on" not in job or not isinstance(job.get("steps"), list):
        fail("job '%s' has no runs-on or no steps" % name)
    for step in job["steps"]:
        if not isinstance(step, dict) or not ("run" in step or "uses" in step):
            fail("job '%s' has a step with neither run nor uses" % name)

text = yaml.safe_dump(doc)
for needed in ("./build/test.sh --toolset=gcc --portable-posix", "./build/test.sh --platform=windows",
               "--sanitize=address", "./build/examples.sh", "msvc-14.3", "mingw-w64", "macos-",
               "test/cmake/find_package", "test/cmake/add_subdirectory", "libs/tempfile/test",
               "-DBOOST_INCLUDE_LIBRARIES=tempfile", "depinst.py"):
    if needed not in text:
        fail("nothing runs '%s'" % needed)
print("ci.yml: valid YAML, jobs: " + ", ".join(jobs))
