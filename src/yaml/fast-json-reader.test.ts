import yaml from 'js-yaml';
import { describe } from 'vitest';
import { compareReaders, itAgreesWithJsYaml } from '../../test/yaml-readers.js';
import { readJsonDocument } from './fast-json-reader.js';

const verdict = (text: string) => compareReaders(text, yaml.CORE_SCHEMA, readJsonDocument);

const TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": { "Fn::Join": ["-", [{ "Ref": "AWS::StackName" }, "logs"]] },
        "Tags": [
          { "Key": "a", "Value": "b" },
          {
            "Key": "c",
            "Value": "d"
          }
        ]
      }
    },
    "Group": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "SecurityGroupIngress": [
          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0" }
        ],
        "Ports": [
          80,
          443
        ],
        "Flags": [true, false, null, -1, 1.5e3, 0.25]
      }
    }
  }
}
`;

/** JSON as generators and people write it: read fast, and exactly as js-yaml reads it. */
const READS = {
  'a template': TEMPLATE,
  'numbers, booleans and null at line ends': '{\n  "a": [\n    1,\n    true\n  ],\n  "b": null\n}\n',
  'escapes in keys and values': '{"k\\"ey": "v\\u00e9\\n\\t\\/", "\\u0041": "\\\\"}',
  'empty collections': '{"a": {}, "b": [], "c": [[], {}]}',
  'tabs, CRLF and a byte order mark': '\uFEFF{\r\n\t"a": [\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}\r\n',
  'one line': '{"a":1,"b":[1,2,{"c":"d"}]}',
};

/** JSON.parse and js-yaml disagree here, or YAML reads it and JSON does not: never a different answer. */
const EDGES = [
  '{"a": 1, "a": 2}',
  '{"a": [-0, 0]}',
  '{"a": 12345678901234567890}',
  '{"a": 1,}',
  '{"a": 1} # comment',
  '{"a": 1}\r"b"',
  '["a"]',
  '  {"a": 1}',
  'x: 1\n{"a": 1}',
  '{"__proto__": 1}',
  `{"a": ${'['.repeat(120)}${']'.repeat(120)}}`,
  '{"a": "\u0001"}',
  '{"a": "x\u0085y"}',
  '{"a": .5}',
  '{"a": 1e400, "b": -1e999}',
  '{"a": 0x10}',
  '{"a": tru}',
  '{"a": "b" "c": 1}',
  '{"a": !Ref b}',
  '{"a": 1}\n---\n{"b": 2}',
  '',
];

describe('readJsonDocument', () => {
  itAgreesWithJsYaml({
    verdict,
    reads: READS,
    edges: EDGES,
    alphabet: [
      ' ',
      '\n',
      '\n  ',
      ',',
      ':',
      '"',
      '[',
      ']',
      '{',
      '}',
      '1',
      '-1.5',
      'true',
      'null',
      '"k"',
      '\\',
      '\t',
    ],
    seed: 7,
  });
});
