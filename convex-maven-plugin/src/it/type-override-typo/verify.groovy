def log = new File(basedir, 'build.log').text
assert log.contains("typeOverride 'emails:send.returns.sentAtt': emails:send's returns has no field 'sentAtt' (fields: id, sentAt, status)")
assert !new File(basedir, 'target/generated-sources/convex').exists()
return true
