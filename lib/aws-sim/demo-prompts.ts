import type { SeedPrompt } from './prompt-schemas';

/**
 * Prompts the offline demo's stand-in holds in "Bedrock Prompt Management", so importing from
 * Bedrock shows something: a chat prompt with two versions, a TEXT prompt, a prompt with a tool,
 * and a draft that was never versioned.
 */
export const DEMO_BEDROCK_PROMPTS: SeedPrompt[] = [
  {
    name: 'support-reply',
    description: 'Answers a customer support question in the brand voice.',
    variants: [
      {
        name: 'main',
        templateType: 'CHAT',
        modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
        templateConfiguration: {
          chat: {
            system: [{ text: 'You are a friendly support agent for Acme Outdoor Gear. Answer briefly.' }],
            messages: [{ role: 'user', content: [{ text: 'Customer {{customer_name}} asks: {{question}}' }] }],
            inputVariables: [{ name: 'customer_name' }, { name: 'question' }],
          },
        },
        inferenceConfiguration: { text: { temperature: 0.5, maxTokens: 400 } },
      },
    ],
    versions: [
      { description: 'First version' },
      {
        description: 'Cite the order number, calmer tone',
        variants: [
          {
            name: 'main',
            templateType: 'CHAT',
            modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
            templateConfiguration: {
              chat: {
                system: [{ text: 'You are a calm, friendly support agent for Acme Outdoor Gear. Answer in at most three sentences and mention the order number when there is one.' }],
                messages: [{ role: 'user', content: [{ text: 'Customer {{customer_name}} (order {{order_id}}) asks: {{question}}' }] }],
                inputVariables: [{ name: 'customer_name' }, { name: 'order_id' }, { name: 'question' }],
              },
            },
            inferenceConfiguration: { text: { temperature: 0.3, topP: 0.9, maxTokens: 400 } },
            additionalModelRequestFields: { top_k: 50 },
          },
        ],
      },
    ],
  },
  {
    name: 'product-description',
    description: 'Writes a product description from a few facts.',
    variants: [
      {
        name: 'default',
        templateType: 'TEXT',
        modelId: 'amazon.nova-lite-v1:0',
        templateConfiguration: {
          text: {
            text: 'Write a {{tone}} product description of at most 80 words for {{product}}. Facts: {{facts}}',
            inputVariables: [{ name: 'tone' }, { name: 'product' }, { name: 'facts' }],
          },
        },
        inferenceConfiguration: { text: { temperature: 0.7, maxTokens: 300, stopSequences: ['\n\n\n'] } },
      },
    ],
    versions: [{ description: 'Initial' }],
  },
  {
    name: 'ticket-router',
    description: 'Routes a ticket to a team with a tool call.',
    variants: [
      {
        name: 'tools',
        templateType: 'CHAT',
        modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
        templateConfiguration: {
          chat: {
            system: [{ text: 'Route each support ticket to exactly one team.' }],
            messages: [{ role: 'user', content: [{ text: 'Ticket: {{ticket}}' }] }],
            inputVariables: [{ name: 'ticket' }],
            toolConfiguration: {
              tools: [
                {
                  toolSpec: {
                    name: 'route_ticket',
                    description: 'Send the ticket to a team.',
                    inputSchema: { json: { type: 'object', properties: { team: { type: 'string', enum: ['billing', 'shipping', 'returns', 'other'] } }, required: ['team'] } },
                  },
                },
              ],
              toolChoice: { any: {} },
            },
          },
        },
        inferenceConfiguration: { text: { temperature: 0, maxTokens: 200 } },
      },
    ],
    versions: [{ description: 'Initial' }],
  },
  {
    name: 'meeting-notes',
    description: 'Summarizes meeting notes (draft, never versioned).',
    variants: [
      {
        name: 'draft',
        templateType: 'CHAT',
        modelId: 'amazon.nova-pro-v1:0',
        templateConfiguration: {
          chat: {
            messages: [{ role: 'user', content: [{ text: 'Summarize these notes as action items:\n{{notes}}' }] }],
            inputVariables: [{ name: 'notes' }],
          },
        },
      },
    ],
  },
];
