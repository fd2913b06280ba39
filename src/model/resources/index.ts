import type { AwsAccount } from './account.js';
import type { DynamoDbTable, KmsKey, SnsTopic, SqsQueue } from './data-stores.js';
import type { EbsVolume, Ec2Instance, SecurityGroup, Vpc } from './ec2.js';
import type { IamGroup, IamManagedPolicy, IamRole, IamUser } from './iam.js';
import type { LambdaFunction } from './lambda.js';
import type { CloudTrailTrail, LoadBalancer } from './logging-network.js';
import type { RdsDbInstance } from './rds.js';
import type { S3Bucket } from './s3.js';
import type { EcrRepository, SecretsManagerSecret } from './secrets-ecr.js';

export type * from './account.js';
export type * from './base.js';
export type * from './data-stores.js';
export type * from './ec2.js';
export type * from './iam.js';
export type * from './lambda.js';
export type * from './logging-network.js';
export type * from './rds.js';
export type * from './s3.js';
export type * from './secrets-ecr.js';

/** Every resource type the model knows, named by its CloudFormation type. */
export type Resource =
  | S3Bucket
  | IamRole
  | IamUser
  | IamManagedPolicy
  | Ec2Instance
  | SecurityGroup
  | Vpc
  | EbsVolume
  | RdsDbInstance
  | LambdaFunction
  | DynamoDbTable
  | KmsKey
  | CloudTrailTrail
  | LoadBalancer
  | SnsTopic
  | SqsQueue
  | AwsAccount
  | IamGroup
  | SecretsManagerSecret
  | EcrRepository;

export type ResourceType = Resource['type'];

export type ResourceOfType<T extends ResourceType> = Extract<Resource, { type: T }>;

/**
 * Types the sources fill. AWS::IAM::Group, AWS::SecretsManager::Secret and AWS::ECR::Repository are
 * modeled for IAM analysis but join this list only once the adapters map them and the catalog
 * places them in a service.
 */
export const MODELED_RESOURCE_TYPES: readonly ResourceType[] = [
  'AWS::S3::Bucket',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Group',
  'AWS::EC2::Instance',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::VPC',
  'AWS::EC2::Volume',
  'AWS::RDS::DBInstance',
  'AWS::Lambda::Function',
  'AWS::DynamoDB::Table',
  'AWS::KMS::Key',
  'AWS::CloudTrail::Trail',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::SecretsManager::Secret',
  'AWS::ECR::Repository',
  'AWS::Account',
];
