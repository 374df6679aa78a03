//! A deterministic generator of realistic Terraform for the benchmark: module folders with AWS,
//! Azure and GCP resources, nested and dynamic blocks, heredoc and jsonencode policies,
//! variables, locals, tfvars and calls of a shared local module. The same seed always writes the
//! same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small, fixed pseudo-random sequence (a linear congruential generator): no dependency, and
/// the same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` / 100: some resources are misconfigured on purpose.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Writes `files` Terraform files under `root` (four per module folder, plus a shared module).
/// Returns the number of bytes written.
pub fn generate(root: &Path, files: usize, seed: u64) -> usize {
    let mut rng = Rng::new(seed);
    let mut bytes = 0;
    let mut write = |path: &Path, text: String| {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        bytes += text.len();
        fs::write(path, text).unwrap();
    };
    if files == 1 {
        write(&root.join("main.tf"), aws_module(&mut rng, 0));
        return bytes;
    }
    write(
        &root.join("modules/bucket/main.tf"),
        SHARED_MODULE.to_string(),
    );
    let mut written = 1;
    let mut module = 0;
    while written < files {
        let dir = root.join(format!("envs/{:03}/stack-{module:05}", module % 97));
        let main = match module % 3 {
            0 => aws_module(&mut rng, module),
            1 => azure_module(&mut rng, module),
            _ => gcp_module(&mut rng, module),
        };
        let parts = [
            ("main.tf", main),
            ("variables.tf", variables(&mut rng, module)),
            ("locals.tf", locals(module)),
            ("outputs.tf", outputs(module)),
        ];
        for (name, text) in parts.into_iter().take(files - written) {
            write(&dir.join(name), text);
            written += 1;
        }
        if module % 4 == 0 {
            let tfvars = format!(
                "environment = \"{}\"\nretention_days = {}\n",
                ["dev", "staging", "prod"][module % 3],
                30 + rng.below(400)
            );
            write(&dir.join("terraform.tfvars"), tfvars);
        }
        module += 1;
    }
    bytes
}

const SHARED_MODULE: &str = r#"variable "name" {}
variable "kms_key_arn" {}
variable "sse_algorithm" {
  default = "aws:kms"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
  }
}
"#;

fn variables(rng: &mut Rng, module: usize) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"variable "name" {{
  type    = string
  default = "stack-{module}"
}}

variable "environment" {{
  type    = string
  default = "dev"
}}

variable "retention_days" {{
  type    = number
  default = {}
}}

variable "allowed_cidrs" {{
  type    = list(string)
  default = ["10.{}.0.0/16", "10.{}.0.0/16"]
}}

variable "tags" {{
  type = map(string)
  default = {{
    Team  = "platform"
    Stack = "stack-{module}"
  }}
}}

variable "settings" {{
  type = object({{
    size     = optional(number, 2)
    replicas = optional(number, 3)
    labels   = optional(map(string), {{}})
  }})
  default = {{}}
}}
"#,
        [7, 30, 90, 365, 400][rng.below(5) as usize],
        rng.below(250),
        rng.below(250)
    );
    out
}

fn locals(module: usize) -> String {
    format!(
        r#"locals {{
  prefix      = "${{var.name}}-${{var.environment}}"
  common_tags = merge(var.tags, {{ Environment = var.environment, Module = "stack-{module}" }})
  is_prod     = var.environment == "prod"
  cidr_map    = {{ for i, cidr in var.allowed_cidrs : "net-${{i}}" => cidr }}
  subnets     = [for i in range(3) : cidrsubnet("10.{}.0.0/16", 8, i)]
}}
"#,
        module % 250
    )
}

fn outputs(module: usize) -> String {
    format!(
        "output \"prefix\" {{\n  value = local.prefix\n}}\n\noutput \"stack\" {{\n  description = \"The stack number\"\n  value       = {module}\n}}\n"
    )
}

fn aws_module(rng: &mut Rng, module: usize) -> String {
    let mut out = String::new();
    let rotation = !rng.chance(15);
    let sse = if rng.chance(10) { "AES256" } else { "aws:kms" };
    let public = rng.chance(5);
    let _ = write!(
        out,
        r#"resource "aws_kms_key" "data" {{
  description             = "${{local.prefix}} data"
  enable_key_rotation     = {rotation}
  deletion_window_in_days = 30
  tags                    = local.common_tags
}}

module "bucket" {{
  source      = "../../../modules/bucket"
  name        = "${{local.prefix}}-shared"
  kms_key_arn = aws_kms_key.data.arn
}}
"#
    );
    for b in 0..12 {
        let _ = write!(
            out,
            r#"
resource "aws_s3_bucket" "b{b}" {{
  bucket = "${{local.prefix}}-data-{b}"
  tags   = merge(local.common_tags, {{ Name = "data-{b}" }})
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "b{b}" {{
  bucket = aws_s3_bucket.b{b}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "{sse}"
      kms_master_key_id = aws_kms_key.data.arn
    }}
    bucket_key_enabled = true
  }}
}}

resource "aws_s3_bucket_public_access_block" "b{b}" {{
  bucket                  = aws_s3_bucket.b{b}.id
  block_public_acls       = true
  block_public_policy     = {}
  ignore_public_acls      = true
  restrict_public_buckets = true
}}

resource "aws_s3_bucket_versioning" "b{b}" {{
  bucket = aws_s3_bucket.b{b}.id
  versioning_configuration {{
    status = local.is_prod ? "Enabled" : "Suspended"
  }}
}}
"#,
            !public
        );
    }
    let _ = write!(
        out,
        r#"
resource "aws_security_group" "web" {{
  name        = "${{local.prefix}}-web"
  description = "web tier of stack {module}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {{
    for_each = local.cidr_map
    content {{
      description = "HTTPS from ${{ingress.key}}"
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }}
  }}

  ingress {{
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{}"]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

resource "aws_iam_role" "app" {{
  name = "${{local.prefix}}-app"
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = {{ Service = "lambda.amazonaws.com" }}
    }}]
  }})
}}

resource "aws_iam_role_policy" "app" {{
  name = "app"
  role = aws_iam_role.app.id
  policy = <<-EOT
    {{
      "Version": "2012-10-17",
      "Statement": [
        {{
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "${{aws_s3_bucket.b0.arn}}/*"
        }}
      ]
    }}
  EOT
}}

data "aws_iam_policy_document" "reader" {{
  statement {{
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.b1.arn, "${{aws_s3_bucket.b1.arn}}/*"]
    condition {{
      test     = "StringEquals"
      variable = "aws:PrincipalTag/Team"
      values   = [var.tags["Team"]]
    }}
  }}
}}

resource "aws_iam_policy" "reader" {{
  name   = "${{local.prefix}}-reader"
  policy = data.aws_iam_policy_document.reader.json
}}

resource "aws_lambda_function" "worker" {{
  function_name = "${{local.prefix}}-worker"
  role          = aws_iam_role.app.arn
  handler       = "index.handler"
  runtime       = "{}"
  filename      = "worker.zip"
  kms_key_arn   = aws_kms_key.data.arn

  environment {{
    variables = {{
      BUCKET    = aws_s3_bucket.b0.bucket
      LOG_LEVEL = upper(var.environment == "prod" ? "info" : "debug")
    }}
  }}

  tracing_config {{
    mode = "Active"
  }}
}}

resource "aws_cloudwatch_log_group" "worker" {{
  name              = "/aws/lambda/${{local.prefix}}-worker"
  retention_in_days = var.retention_days
  kms_key_id        = aws_kms_key.data.arn
}}

resource "aws_db_instance" "db" {{
  count                   = local.is_prod ? 1 : 0
  identifier              = "${{local.prefix}}-db"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 20
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.data.arn
  publicly_accessible     = false
  backup_retention_period = 7
  deletion_protection     = local.is_prod
  multi_az                = local.is_prod
}}
"#,
        if rng.chance(10) {
            "0.0.0.0/0"
        } else {
            "10.0.0.0/8"
        },
        if rng.chance(10) {
            "python3.7"
        } else {
            "python3.12"
        }
    );
    out
}

fn azure_module(rng: &mut Rng, module: usize) -> String {
    (0..2)
        .map(|copy| unique_labels(azure_stack(rng, module * 10 + copy), copy))
        .collect()
}

fn azure_stack(rng: &mut Rng, module: usize) -> String {
    let tls = if rng.chance(10) { "TLS1_0" } else { "TLS1_2" };
    format!(
        r#"resource "azurerm_resource_group" "this" {{
  name     = "${{local.prefix}}-rg"
  location = "westeurope"
  tags     = local.common_tags
}}

resource "azurerm_storage_account" "data" {{
  name                            = "stack{module}data"
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "{tls}"
  allow_nested_items_to_be_public = {}
  shared_access_key_enabled       = false

  network_rules {{
    default_action = "Deny"
    bypass         = ["AzureServices"]
    ip_rules       = var.allowed_cidrs
  }}

  blob_properties {{
    versioning_enabled = true
    delete_retention_policy {{
      days = var.retention_days
    }}
  }}
}}

resource "azurerm_key_vault" "this" {{
  name                       = "stack-{module}-kv"
  location                   = azurerm_resource_group.this.location
  resource_group_name        = azurerm_resource_group.this.name
  tenant_id                  = var.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = {}
  soft_delete_retention_days = 90

  network_acls {{
    default_action = "Deny"
    bypass         = "AzureServices"
  }}
}}

resource "azurerm_kubernetes_cluster" "this" {{
  name                              = "${{local.prefix}}-aks"
  location                          = azurerm_resource_group.this.location
  resource_group_name               = azurerm_resource_group.this.name
  dns_prefix                        = local.prefix
  role_based_access_control_enabled = true
  azure_policy_enabled              = true
  local_account_disabled            = true
  private_cluster_enabled           = local.is_prod

  default_node_pool {{
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = var.settings.replicas
  }}

  identity {{
    type = "SystemAssigned"
  }}

  network_profile {{
    network_plugin = "azure"
    network_policy = "azure"
  }}

  dynamic "api_server_access_profile" {{
    for_each = local.is_prod ? [] : [1]
    content {{
      authorized_ip_ranges = var.allowed_cidrs
    }}
  }}
}}

resource "azurerm_network_security_rule" "ssh" {{
  name                        = "ssh"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = "${{local.prefix}}-nsg"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "{}"
  destination_address_prefix  = "VirtualNetwork"
}}
"#,
        rng.chance(5),
        !rng.chance(10),
        if rng.chance(10) { "*" } else { "10.0.0.0/8" }
    )
}

fn gcp_module(rng: &mut Rng, module: usize) -> String {
    (0..2)
        .map(|copy| unique_labels(gcp_stack(rng, module * 10 + copy), copy))
        .collect()
}

/// Two stacks in one file need their own block labels, as Terraform requires.
fn unique_labels(text: String, copy: usize) -> String {
    let mut text = text;
    for label in ["this", "data", "ssh", "general", "db"] {
        text = text
            .replace(
                &format!("\"{label}\" {{"),
                &format!("\"{label}_{copy}\" {{"),
            )
            .replace(&format!(".{label}."), &format!(".{label}_{copy}."));
    }
    text
}

fn gcp_stack(rng: &mut Rng, module: usize) -> String {
    format!(
        r#"resource "google_kms_crypto_key" "data" {{
  name            = "stack-{module}"
  key_ring        = var.key_ring
  rotation_period = "7776000s"
}}

resource "google_storage_bucket" "data" {{
  name                        = "${{local.prefix}}-data"
  location                    = "EU"
  uniform_bucket_level_access = {}
  public_access_prevention    = "enforced"
  labels                      = {{ for k, v in local.common_tags : lower(k) => lower(v) }}

  versioning {{
    enabled = true
  }}

  encryption {{
    default_kms_key_name = google_kms_crypto_key.data.id
  }}

  lifecycle_rule {{
    condition {{
      age = var.retention_days
    }}
    action {{
      type = "Delete"
    }}
  }}
}}

resource "google_container_cluster" "this" {{
  name                     = "${{local.prefix}}-gke"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
  enable_legacy_abac       = {}

  private_cluster_config {{
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }}

  master_authorized_networks_config {{
    dynamic "cidr_blocks" {{
      for_each = local.cidr_map
      content {{
        display_name = cidr_blocks.key
        cidr_block   = cidr_blocks.value
      }}
    }}
  }}

  workload_identity_config {{
    workload_pool = "${{var.project}}.svc.id.goog"
  }}

  network_policy {{
    enabled = true
  }}

  database_encryption {{
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.data.id
  }}

  release_channel {{
    channel = "REGULAR"
  }}
}}

resource "google_container_node_pool" "general" {{
  name    = "general"
  cluster = google_container_cluster.this.id

  management {{
    auto_repair  = true
    auto_upgrade = true
  }}

  node_config {{
    machine_type    = "e2-standard-4"
    service_account = var.node_service_account
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = var.settings.labels

    workload_metadata_config {{
      mode = "GKE_METADATA"
    }}

    shielded_instance_config {{
      enable_secure_boot = true
    }}
  }}
}}

resource "google_sql_database_instance" "db" {{
  name             = "${{local.prefix}}-db"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {{
    tier = "db-custom-2-7680"
    ip_configuration {{
      ipv4_enabled    = {}
      private_network = var.network
      ssl_mode        = "ENCRYPTED_ONLY"
    }}
    backup_configuration {{
      enabled = true
    }}
  }}
}}

resource "google_compute_firewall" "ssh" {{
  name          = "${{local.prefix}}-ssh"
  network       = var.network
  direction     = "INGRESS"
  source_ranges = ["{}"]

  allow {{
    protocol = "tcp"
    ports    = ["22"]
  }}
}}
"#,
        !rng.chance(10),
        rng.chance(5),
        rng.chance(10),
        if rng.chance(10) {
            "0.0.0.0/0"
        } else {
            "35.235.240.0/20"
        }
    )
}
