def log = new File(basedir, 'build.log').text
assert log.contains('function-spec.json differs from the functions: run `mvn convex:spec` and commit the result')
return true
