// the spec was written offline from the fixture's functions, in declaration order
def spec = new File(basedir, 'target/spec/function-spec.json').text
assert spec.contains('"identifier": "emails.js:send"')
assert spec.indexOf('"to"') < spec.indexOf('"subject"')
assert new File(basedir, 'target/spec/schema.json').text.contains('"tableName": "orders"')

// generated into the default output directory, compiled with the code that uses it
def out = new File(basedir, 'target/generated-sources/convex/com/example/api')
assert new File(out, 'Api.java').text.contains('public static final Emails emails = new Emails();')
assert new File(out, 'InternalApi.java').isFile()
// the type overrides of the pom
assert new File(out, 'Emails.java').text.contains('@JsonProperty("sentAt") long sentAt)')
assert new File(out, 'Tables.java').text.contains('@JsonProperty("amountCents") long amountCents,')
assert new File(basedir, 'target/classes/com/example/api/Tables$Orders.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/Orders.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('Convex API in ')
return true
