// The part of containerd's gRPC API Strata uses, as protobuf descriptors written in TypeScript
// (the JSON form protobufjs reads) so the bundle needs no .proto files at run time. Field
// numbers follow containerd's api/services/{namespaces,images,content}/v1 and
// api/types/descriptor.proto; only the read calls are declared, so this client cannot write.

import { fromJSON } from '@grpc/proto-loader'
import type { MethodDefinition } from '@grpc/proto-loader'
import { StrataError } from '../../../shared/errors'

const field = (type: string, id: number) => ({ type, id })
const labels = (id: number) => ({ keyType: 'string', type: 'string', id })
const unary = (requestType: string, responseType: string, comment: string) => ({
  requestType,
  responseType,
  comment,
})

const DEFINITIONS: Parameters<typeof fromJSON>[0] = {
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: {
            Timestamp: { fields: { seconds: field('int64', 1), nanos: field('int32', 2) } },
          },
        },
      },
    },
    containerd: {
      nested: {
        types: {
          nested: {
            Descriptor: {
              fields: {
                media_type: field('string', 1),
                digest: field('string', 2),
                size: field('int64', 3),
                annotations: labels(5),
              },
            },
          },
        },
        services: {
          nested: {
            namespaces: {
              nested: {
                v1: {
                  nested: {
                    Namespaces: {
                      methods: {
                        List: unary(
                          'ListNamespacesRequest',
                          'ListNamespacesResponse',
                          'every namespace',
                        ),
                      },
                    },
                    Namespace: { fields: { name: field('string', 1), labels: labels(2) } },
                    ListNamespacesRequest: { fields: { filter: field('string', 1) } },
                    ListNamespacesResponse: {
                      fields: { namespaces: { rule: 'repeated', type: 'Namespace', id: 1 } },
                    },
                  },
                },
              },
            },
            images: {
              nested: {
                v1: {
                  nested: {
                    Images: {
                      methods: {
                        Get: unary('GetImageRequest', 'GetImageResponse', 'one image by name'),
                        List: unary(
                          'ListImagesRequest',
                          'ListImagesResponse',
                          'the images of a namespace',
                        ),
                      },
                    },
                    Image: {
                      fields: {
                        name: field('string', 1),
                        labels: labels(2),
                        target: field('containerd.types.Descriptor', 3),
                        created_at: field('google.protobuf.Timestamp', 7),
                        updated_at: field('google.protobuf.Timestamp', 8),
                      },
                    },
                    GetImageRequest: { fields: { name: field('string', 1) } },
                    GetImageResponse: { fields: { image: field('Image', 1) } },
                    ListImagesRequest: {
                      fields: { filters: { rule: 'repeated', type: 'string', id: 1 } },
                    },
                    ListImagesResponse: {
                      fields: { images: { rule: 'repeated', type: 'Image', id: 1 } },
                    },
                  },
                },
              },
            },
            content: {
              nested: {
                v1: {
                  nested: {
                    Content: {
                      methods: {
                        Info: unary('InfoRequest', 'InfoResponse', 'size of a committed blob'),
                        Read: {
                          ...unary(
                            'ReadContentRequest',
                            'ReadContentResponse',
                            'bytes of a blob from an offset',
                          ),
                          responseStream: true,
                        },
                      },
                    },
                    Info: { fields: { digest: field('string', 1), size: field('int64', 2) } },
                    InfoRequest: { fields: { digest: field('string', 1) } },
                    InfoResponse: { fields: { info: field('Info', 1) } },
                    ReadContentRequest: {
                      fields: {
                        digest: field('string', 1),
                        offset: field('int64', 2),
                        size: field('int64', 3),
                      },
                    },
                    ReadContentResponse: {
                      fields: { offset: field('int64', 1), data: field('bytes', 2) },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
}

// int64 as JS numbers (blob sizes stay far below 2^53), absent fields as their defaults.
/** The declared services, as @grpc/proto-loader describes them (tests serve them too). */
export const CONTAINERD_PACKAGE = fromJSON(DEFINITIONS, {
  longs: Number,
  defaults: true,
  arrays: true,
})

export type ContainerdMethod = MethodDefinition<object, unknown>

function method(service: string, name: string): ContainerdMethod {
  const definition = CONTAINERD_PACKAGE[service]
  const found =
    definition !== undefined && name in definition
      ? (definition as Record<string, unknown>)[name]
      : undefined
  if (found === undefined || typeof found !== 'object' || found === null || !('path' in found)) {
    throw new StrataError('INTERNAL', `containerd protocol: ${service}.${name} is not declared`)
  }
  return found as ContainerdMethod
}

/** The calls Strata makes, each with its path and (de)serializers. */
export const CONTAINERD_METHODS = {
  listNamespaces: method('containerd.services.namespaces.v1.Namespaces', 'List'),
  getImage: method('containerd.services.images.v1.Images', 'Get'),
  listImages: method('containerd.services.images.v1.Images', 'List'),
  contentInfo: method('containerd.services.content.v1.Content', 'Info'),
  readContent: method('containerd.services.content.v1.Content', 'Read'),
} as const
