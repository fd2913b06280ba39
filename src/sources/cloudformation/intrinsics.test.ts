import { describe, expect, it } from 'vitest';
import { NO_VALUE, resolve, Unresolved } from './intrinsics.js';
import { parseTemplate } from './parse-template.js';
import { createTemplateContext, type TemplateBody } from './template-context.js';

function contextFor(yamlText: string, parameters?: Record<string, string>) {
  const { body, lines } = parseTemplate(yamlText, 't.yaml');
  return createTemplateContext('t.yaml', body as TemplateBody, lines, parameters ? { parameters } : {});
}

const TEMPLATE = `
Parameters:
  Env: { Type: String, Default: prod }
  NoDefault: { Type: String }
  Subnets: { Type: CommaDelimitedList, Default: "a, b" }
  Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/x }
Mappings:
  Sizes: { prod: { Db: db.r6g.large }, dev: { Db: db.t3.micro } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition IsDev, !Equals [!Ref NoDefault, x]]
  Unknown: !Equals [!Ref NoDefault, x]
Resources:
  Bucket: { Type: AWS::S3::Bucket }
`;

function evaluate(expression: string, parameters?: Record<string, string>) {
  const ctx = contextFor(`${TEMPLATE}\nOutputs:\n  X:\n    Value: ${expression}\n`, parameters);
  const outputs = (ctx.body as unknown as { Outputs: { X: { Value: unknown } } }).Outputs;
  return resolve(outputs.X.Value, ctx);
}

describe('resolving intrinsic functions', () => {
  it('reads parameters from defaults, given values and lists', () => {
    expect(evaluate('!Ref Env')).toBe('prod');
    expect(evaluate('!Ref Env', { Env: 'dev' })).toBe('dev');
    expect(evaluate('!Ref Subnets')).toEqual(['a', 'b']);
  });
  it('never guesses a parameter without a value or one read from SSM', () => {
    expect(evaluate('!Ref NoDefault')).toBeInstanceOf(Unresolved);
    expect((evaluate('!Ref Ami') as Unresolved).reason).toMatch(/SSM Parameter Store/);
  });
  it('turns references to resources and pseudo parameters into tokens', () => {
    expect(evaluate('!Ref Bucket')).toBe('{{Bucket}}');
    expect(evaluate('!GetAtt Bucket.Arn')).toBe('{{Bucket.Arn}}');
    expect(evaluate('!Ref AWS::AccountId')).toBe('{{AWS::AccountId}}');
    expect(evaluate('!Ref AWS::Partition')).toBe('aws');
    expect(evaluate('!Ref AWS::NoValue')).toBe(NO_VALUE);
  });
  it('substitutes Fn::Sub variables, keeping unknown parts as tokens', () => {
    expect(evaluate('!Sub "${Env}-${Bucket.Arn}-${AWS::Region}"')).toBe(
      'prod-{{Bucket.Arn}}-{{AWS::Region}}',
    );
    expect(evaluate('!Sub ["${A}/x", { A: !Ref Env }]')).toBe('prod/x');
    expect(evaluate('!Sub "${!Literal}"')).toBe('${Literal}');
    expect(evaluate('!Sub "arn:aws:s3:::${NoDefault}/*"')).toBe('arn:aws:s3:::{{unresolved:NoDefault}}/*');
  });
  it('joins, selects, splits and finds in maps', () => {
    expect(evaluate('!Join ["-", [a, !Ref Env]]')).toBe('a-prod');
    expect(evaluate('!Select [1, [x, y, z]]')).toBe('y');
    expect(evaluate('!Split [",", "a,b"]')).toEqual(['a', 'b']);
    expect(evaluate('!FindInMap [Sizes, !Ref Env, Db]')).toBe('db.r6g.large');
    expect(evaluate('!FindInMap [Sizes, staging, Db]')).toBeInstanceOf(Unresolved);
    expect(evaluate('!Select [0, !GetAZs ""]')).toBeInstanceOf(Unresolved);
    expect(evaluate('!ImportValue shared-vpc')).toBeInstanceOf(Unresolved);
  });
  it('evaluates conditions, and leaves unknown ones unknown', () => {
    expect(evaluate('!If [IsProd, yes, no]')).toBe('yes');
    expect(evaluate('!If [IsDev, yes, no]')).toBe('no');
    expect(evaluate('!If [Both, yes, no]')).toBe('yes');
    expect(evaluate('!If [Either, yes, no]')).toBeInstanceOf(Unresolved);
    expect(evaluate('!If [Unknown, same, same]')).toBe('same');
    expect(evaluate('!If [Unknown, yes, no]')).toBeInstanceOf(Unresolved);
    expect(evaluate('!If [IsProd, yes, no]', { Env: 'dev' })).toBe('no');
  });
  it('removes AWS::NoValue from lists and maps', () => {
    expect(evaluate('[a, !If [IsDev, b, !Ref AWS::NoValue]]')).toEqual(['a']);
    expect(evaluate('{ A: 1, B: !Ref AWS::NoValue }')).toEqual({ A: 1 });
  });
  it('reports tool-specific tags as unknown instead of failing', () => {
    expect((evaluate('!Rain::Embed file.txt') as Unresolved).reason).toMatch(/processed by a tool/);
  });
});
