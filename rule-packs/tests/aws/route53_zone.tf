# Well configured: a public zone with query logs and DNSSEC.
resource "aws_route53_zone" "good" {
  name = "example.com"
}

resource "aws_route53_query_log" "good" {
  zone_id                  = aws_route53_zone.good.zone_id
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn
}

resource "aws_route53_hosted_zone_dnssec" "good" {
  hosted_zone_id = aws_route53_zone.good.id
}

# A private zone logs through Resolver query logging.
resource "aws_route53_zone" "internal" {
  name = "internal.example.com"

  vpc {
    vpc_id = aws_vpc.this.id
  }
}

resource "aws_route53_hosted_zone_dnssec" "route53_query_logging" {
  hosted_zone_id = aws_route53_zone.route53_query_logging.id
}

# expect fail: aws-route53-query-logging
resource "aws_route53_zone" "route53_query_logging" {
  name = "example.org"
}

resource "aws_route53_query_log" "route53_dnssec" {
  zone_id                  = aws_route53_zone.route53_dnssec.zone_id
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn
}

# expect fail: aws-route53-dnssec
resource "aws_route53_zone" "route53_dnssec" {
  name = "example.net"
}
